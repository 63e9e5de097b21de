using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The links to the Durable extension's management API on this host: absolute URIs on the host that received the
/// request, without a key (callers send their function key with each call, as for any function).
/// </summary>
internal sealed class ManagementLinks : IHttpManagementLinks
{
    public HttpManagementPayload Create(DurableTaskClient client, HttpRequest request, string instanceId) => For(request, instanceId);

    /// <summary>The links of <paramref name="instanceId"/> on the host that received <paramref name="request"/>.</summary>
    public static HttpManagementPayload For(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{LocalWebHookProvider.DurableTaskPath}/instances/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementPayload(
            instanceId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance,
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}");
    }
}
