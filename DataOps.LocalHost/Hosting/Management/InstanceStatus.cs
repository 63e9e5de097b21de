using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.DurableTask.Client;

namespace DataOps.LocalHost.Hosting.Management;

/// <summary>The status body of the management API, in Durable Functions' shape.</summary>
internal sealed record InstanceStatus(
    string Name,
    string InstanceId,
    OrchestrationRuntimeStatus RuntimeStatus,
    JsonNode? Input,
    JsonNode? CustomStatus,
    JsonNode? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    TaskFailureDetailsBody? FailureDetails)
{
    public static InstanceStatus From(OrchestrationMetadata metadata, bool showInput) => new(
        metadata.Name,
        metadata.InstanceId,
        metadata.RuntimeStatus,
        showInput ? Parse(metadata.SerializedInput) : null,
        Parse(metadata.SerializedCustomStatus),
        Parse(metadata.SerializedOutput),
        metadata.CreatedAt,
        metadata.LastUpdatedAt,
        metadata.FailureDetails is { } failure ? new TaskFailureDetailsBody(failure.ErrorType, failure.ErrorMessage) : null);

    // Payloads are JSON written by the data converter, except the plain reason text the worker stores for a suspended
    // instance: that one is shown as a string.
    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
