using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

/// <summary>Durable Functions style HTTP helpers for starter functions.</summary>
public static class DurableHttpExtensions
{
    // The Durable Functions HTTP management API's instance route, which hosts serve at the root (no route prefix).
    private const string InstancesRoute = "/runtime/webhooks/durabletask/instances";

    /// <summary>
    /// The management links of <paramref name="instanceId"/>. On this host they are absolute URIs on the host that
    /// received <paramref name="request"/> and carry no key: callers send their function key with each call. Under the
    /// Functions host (the client a <c>[DurableClient]</c> binding gives there) they are the Durable extension's own
    /// links, with the task hub, connection and system key it adds.
    /// </summary>
    /// <param name="client">The task hub client.</param>
    /// <param name="request">The starter's request (its scheme, host and path base are used).</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The links.</returns>
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (client.GetType().Assembly == typeof(DurableClientAttribute).Assembly)
        {
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

        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{InstancesRoute}/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementPayload(
            instanceId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance,
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}");
    }

    /// <summary>
    /// The starter response Durable Functions gives: <c>202 Accepted</c>, <c>Location</c> set to the status URI
    /// and the management links as the JSON body.
    /// </summary>
    /// <param name="client">The task hub client.</param>
    /// <param name="request">The starter's request.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The result to return from the function.</returns>
    public static IResult CreateCheckStatusResponse(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        var payload = client.CreateHttpManagementPayload(request, instanceId);
        return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
    }
}
