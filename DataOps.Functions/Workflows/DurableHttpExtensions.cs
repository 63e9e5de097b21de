using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

/// <summary>Durable Functions style HTTP helpers for starter functions.</summary>
internal static class DurableHttpExtensions
{
    /// <summary>
    /// The starter response Durable Functions gives: <c>202 Accepted</c>, <c>Location</c> set to the status URI
    /// and the management links as the JSON body. The links come from the host's <see cref="IHttpManagementLinks"/>,
    /// so they point at the management API of the host that runs the starter.
    /// </summary>
    /// <param name="client">The task hub client.</param>
    /// <param name="request">The starter's request (its services give the links).</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The result to return from the function.</returns>
    public static IResult CreateCheckStatusResponse(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var links = request.HttpContext.RequestServices.GetRequiredService<IHttpManagementLinks>();
        var payload = links.Create(client, request, instanceId);
        return TypedResults.Accepted(payload.StatusQueryGetUri, payload);
    }
}
