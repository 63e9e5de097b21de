using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataOps.Chaos;

/// <summary>
/// Calls the function hosts the way a resilient client would: a request that finds its host dead (connection
/// refused, reset, timeout) or answered 5xx goes to the other host, again and again until its deadline.
/// Only idempotent requests are sent through it (provisioning is idempotent by journey and stage).
/// </summary>
internal sealed class HostsClient(IReadOnlyList<Uri> hosts, string functionKey) : IDisposable
{
    private readonly HttpClient _http = CreateClient(functionKey);

    public int Retries { get; private set; }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body, int preferredHost, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var attempt = 0;
        while (true)
        {
            var host = hosts[(preferredHost + attempt) % hosts.Count];
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(host, path));
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await _http.SendAsync(request, timeout.Token);
                if ((int)response.StatusCode < 500)
                {
                    var text = await response.Content.ReadAsStringAsync(timeout.Token);
                    var json = text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
                    return (response.StatusCode, json);
                }
            }
            catch (HttpRequestException)
            {
                // The host is down or restarting: try the other one.
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
                // One attempt timed out (a host killed mid-request): try the other one.
            }

            attempt++;
            Retries++;
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"{method} {path} got no answer from any host within {deadline.TotalSeconds:0} s");
            }

            try
            {
                // Back off a little between attempts so a restarting cluster is not hammered.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{method} {path} got no answer from any host within {deadline.TotalSeconds:0} s");
            }
        }
    }

    private static HttpClient CreateClient(string key)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        return http;
    }

    public void Dispose() => _http.Dispose();
}
