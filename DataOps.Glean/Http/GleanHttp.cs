using DataOps.Glean.Errors;
using DataOps.Glean.Wire;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace DataOps.Glean.Http;

/// <summary>
/// Sends one JSON call through a typed client's handler chain and turns every failure into a
/// <see cref="GleanException"/>. The bearer token goes only into the Authorization header; messages are
/// built from the operation, the status and Glean's error body, with any echo of the token removed.
/// The resilience handler returns the last response once it stops retrying, or throws what stopped it
/// (open circuit, timeout, refused permit, network failure); mapping either to the product's typed errors
/// is this adapter's own contract, which no library provides.
/// </summary>
internal static class GleanHttp
{
    private const int MaxEchoedBodyLength = 500;

    private static readonly Dictionary<string, string> NoHeaders = [];

    public static Task<T?> PostAsync<T>(
        HttpClient client,
        string path,
        HttpContent? content,
        string? token,
        string tokenSetting,
        int permits,
        CancellationToken cancellationToken) =>
        PostAsync<T>(client, path, content, token, tokenSetting, permits, NoHeaders, cancellationToken);

    /// <summary>As the other overload, with <paramref name="headers"/> (for example <c>X-Glean-ActAs</c>) on the request.</summary>
    public static async Task<T?> PostAsync<T>(
        HttpClient client,
        string path,
        HttpContent? content,
        string? token,
        string tokenSetting,
        int permits,
        IReadOnlyDictionary<string, string> headers,
        CancellationToken cancellationToken)
    {
        var operation = path.TrimStart('/');
        if (string.IsNullOrEmpty(token))
        {
            throw new GleanUnauthorizedException(operation, $"no Glean token is configured; set {tokenSetting}", statusCode: null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content ?? new ByteArrayContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        request.Options.Set(GleanRateLimits.Permits, permits);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new GleanUnavailableException(operation, $"Glean {operation} not attempted: the circuit is open after repeated failures and closes again after its break", innerException: ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new GleanUnavailableException(operation, $"Glean {operation} timed out: no answer within {ex.Timeout}", innerException: ex);
        }
        catch (RateLimiterRejectedException ex)
        {
            throw new GleanRateLimitedException(operation, $"the client-side Glean rate limiter refused {operation}", ex.RetryAfter, statusCode: null);
        }
        catch (HttpRequestException ex)
        {
            throw new GleanUnavailableException(operation, $"Glean {operation} could not reach {client.BaseAddress}: {Redact(ex.Message, token)}", innerException: ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return response.Content.Headers.ContentLength is 0 || typeof(T) == typeof(object)
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(GleanJson.Options, cancellationToken);
            }

            var detail = Redact(await ReadErrorAsync(response, cancellationToken), token);
            throw Map(operation, response, detail);
        }
    }

    /// <summary>
    /// The body serialized up front rather than streamed: the request then carries a Content-Length, which Glean
    /// checks against its size limit, and every retried attempt resends the same bytes.
    /// </summary>
    public static HttpContent Json<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, GleanJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Removes any echo of the token from a text that may end up in a message or a log.</summary>
    public static string Redact(string text, string? token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "[redacted]", StringComparison.Ordinal);

    private static GleanException Map(string operation, HttpResponseMessage response, string detail)
    {
        var status = (int)response.StatusCode;
        var message = $"Glean {operation} failed with {status} {response.ReasonPhrase}: {detail}";
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new GleanBadRequestException(operation, message, status),
            HttpStatusCode.Unauthorized => new GleanUnauthorizedException(operation, message),
            HttpStatusCode.Forbidden => new GleanForbiddenException(operation, message),
            HttpStatusCode.NotFound => new GleanNotFoundException(operation, message),
            HttpStatusCode.Conflict => new GleanConflictException(operation, message),
            HttpStatusCode.RequestEntityTooLarge => new GleanPayloadTooLargeException(operation, message),
            HttpStatusCode.TooManyRequests => new GleanRateLimitedException(operation, message + " (still rate limited after every retry)", response.Headers.RetryAfter?.Delta),
            _ => new GleanUnavailableException(operation, message + " (after every retry)", status),
        };
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "no error body";
        }

        try
        {
            var body = JsonSerializer.Deserialize<GleanErrorBody>(text, GleanJson.Options);
            if (body is { Message: { Length: > 0 } m })
            {
                return body.Error is { Length: > 0 } e ? $"{e}: {m}" : m;
            }
        }
        catch (JsonException)
        {
            // Not Glean's error shape: fall through to the raw (shortened) text.
        }

        return text.Length <= MaxEchoedBodyLength ? text : text[..MaxEchoedBodyLength] + "...";
    }
}
