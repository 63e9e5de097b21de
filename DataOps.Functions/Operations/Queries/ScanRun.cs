using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations.Queries;

/// <summary>One run of a scheduled scan.</summary>
/// <param name="InstanceId">Its instance id.</param>
/// <param name="RuntimeStatus">Its runtime status.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="Output">What it found, as JSON; null while it runs.</param>
public sealed record ScanRun(string InstanceId, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, JsonElement? Output)
{
    /// <summary>Projects an instance read with its outputs; null for none.</summary>
    [return: NotNullIfNotNull(nameof(instance))]
    public static ScanRun? From(OrchestrationMetadata? instance) => instance is null ? null : new(
        instance.InstanceId,
        instance.RuntimeStatus.ToString(),
        instance.CreatedAt,
        instance.LastUpdatedAt,
        InstanceViews.ParseJson(instance.SerializedOutput));
}
