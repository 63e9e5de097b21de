using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace DataOps.Benchmarks.Workflows;

/// <summary>
/// Lists a host's orchestration instances through the Durable Functions HTTP management API
/// (<c>GET /runtime/webhooks/durabletask/instances</c> with <c>instanceIdPrefix</c>, <c>runtimeStatus</c> and <c>top</c>,
/// following <c>x-ms-continuation-token</c>), for a host in another process.
/// </summary>
internal static class ManagementApiInstances
{
    public static async IAsyncEnumerable<OrchestrationMetadata> QueryAsync(
        HttpClient http, OrchestrationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uri = "runtime/webhooks/durabletask/instances?top=" + query.PageSize.ToString(CultureInfo.InvariantCulture)
            + (query.InstanceIdPrefix is { } prefix ? "&instanceIdPrefix=" + Uri.EscapeDataString(prefix) : string.Empty)
            + (query.Statuses is { } statuses ? "&runtimeStatus=" + string.Join(",", statuses) : string.Empty);
        string? continuation = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (continuation is not null)
            {
                request.Headers.Add("x-ms-continuation-token", continuation);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            continuation = response.Headers.TryGetValues("x-ms-continuation-token", out var tokens) ? tokens.FirstOrDefault() : null;
            foreach (var instance in (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).EnumerateArray())
            {
                yield return new OrchestrationMetadata(instance.GetProperty("name").GetString() ?? string.Empty, instance.GetProperty("instanceId").GetString()!)
                {
                    RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(instance.GetProperty("runtimeStatus").GetString()!),
                    CreatedAt = instance.GetProperty("createdTime").GetDateTimeOffset(),
                    LastUpdatedAt = instance.GetProperty("lastUpdatedTime").GetDateTimeOffset(),
                };
            }
        }
        while (!string.IsNullOrEmpty(continuation) && continuation != "null");
    }
}
