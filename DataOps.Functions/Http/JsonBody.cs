using System.Text.Json;

namespace DataOps.Functions.Http;

/// <summary>
/// Reads a JSON request body, answering 415 for another content type (or JSON declared in a charset other than UTF-8,
/// which RFC 8259 requires and the body is read as) and 400 for a missing or broken body.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonElement Body, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Body.CanSeek && request.Headers.TransferEncoding.Count == 0))
        {
            return (default, Invalid("is required: send a JSON object"));
        }

        if (!IsUtf8Json(request))
        {
            return (default, UnsupportedMediaType());
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, Invalid($"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})"));
        }
    }

    /// <summary>415 problem details for a body sent as anything but JSON, when the request has a body.</summary>
    public static IResult? RequireJsonContentType(HttpRequest request)
    {
        var hasBody = request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        return hasBody && !IsUtf8Json(request) ? UnsupportedMediaType() : null;
    }

    private static bool IsUtf8Json(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return false;
        }

        var charset = request.GetTypedHeaders().ContentType?.Charset.Value?.Trim('"');
        return string.IsNullOrEmpty(charset)
            || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
            || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult UnsupportedMediaType() => Results.Problem(
        title: "Unsupported media type.",
        detail: "Send the request as application/json in UTF-8.",
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static IResult Invalid(string message)
        => Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, title: "The request body is invalid.");
}
