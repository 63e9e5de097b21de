using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

/// <summary>
/// The management links a starter returns for an orchestration instance. Each host registers the links that point at
/// its own management API: the Functions worker the Durable extension's (<see cref="DurableExtensionManagementLinks"/>,
/// the default), the local host its own.
/// </summary>
public interface IHttpManagementLinks
{
    /// <summary>The management links of <paramref name="instanceId"/>.</summary>
    /// <param name="client">The task hub client the instance was started with.</param>
    /// <param name="request">The starter's request.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The links.</returns>
    HttpManagementPayload Create(DurableTaskClient client, HttpRequest request, string instanceId);
}
