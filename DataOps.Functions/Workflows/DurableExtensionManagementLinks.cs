using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

/// <summary>
/// The links under the Functions host: the Durable extension's own, with the task hub, connection and system key it
/// adds (the client a <c>[DurableClient]</c> binding gives there knows them).
/// </summary>
internal sealed class DurableExtensionManagementLinks : IHttpManagementLinks
{
    public HttpManagementPayload Create(DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var links = Microsoft.Azure.Functions.Worker.DurableTaskClientExtensions.CreateHttpManagementPayload(client, instanceId);
        return new HttpManagementPayload(
            instanceId,
            links.StatusQueryGetUri ?? string.Empty,
            links.SendEventPostUri ?? string.Empty,
            links.TerminatePostUri ?? string.Empty,
            links.PurgeHistoryDeleteUri ?? string.Empty,
            links.SuspendPostUri ?? string.Empty,
            links.ResumePostUri ?? string.Empty);
    }
}
