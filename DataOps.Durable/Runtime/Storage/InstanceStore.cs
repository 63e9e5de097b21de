using Azure;
using Azure.Data.Tables;
using DataOps.Durable.Client;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>The instances table: PK = instance id, RK = "", the queryable state of every instance.</summary>
internal sealed class InstanceStore(TaskHubStorage hub, LargePayloadStore payloads)
{
    /// <summary>Creates the row of a new instance (Pending); refuses while an instance with that id is still running.</summary>
    public async Task CreateAsync(InstanceSummary summary, string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = SummaryEntity.Write(new TableEntity(instanceId, string.Empty), summary);
        entity["CreatedAt"] = now;
        entity["LastUpdatedAt"] = now;
        var existing = await hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue)
            {
                await hub.Instances.AddEntityAsync(entity, cancellationToken);
                return;
            }

            var status = SummaryEntity.Read(existing.Value!).Status ?? OrchestrationRuntimeStatus.Pending;
            if (status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running
                or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew)
            {
                throw new OrchestrationAlreadyExistsException(instanceId, status);
            }

            await hub.Instances.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The pipeline retries a request whose response was lost; if the row holds our own execution, it was our write.
            var current = await hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken);
            if (current.HasValue && current.Value!.GetString("ExecutionId") == summary.ExecutionId)
            {
                return;
            }

            throw new OrchestrationAlreadyExistsException($"Orchestration instance '{instanceId}' was created concurrently by another caller.", ex);
        }
    }

    /// <summary>Writes the state of an instance after a checkpoint (merge: the creation time stays).</summary>
    public async Task ProjectAsync(string instanceId, InstanceSummary summary, DateTimeOffset now, bool isNewChild, CancellationToken cancellationToken)
    {
        var entity = SummaryEntity.Write(new TableEntity(instanceId, string.Empty), summary);
        entity["LastUpdatedAt"] = now;
        if (isNewChild)
        {
            entity["CreatedAt"] = now;
        }

        await hub.Instances.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<OrchestrationMetadata?> GetAsync(string instanceId, bool withPayloads, CancellationToken cancellationToken)
    {
        var row = await hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue ? await ToMetadataAsync(row.Value!, withPayloads, cancellationToken) : null;
    }

    public Task DeleteAsync(string instanceId, CancellationToken cancellationToken) =>
        hub.Instances.DeleteEntityAsync(instanceId, string.Empty, ETag.All, cancellationToken);

    public AsyncPageable<OrchestrationMetadata> Query(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        var pages = hub.Instances.QueryAsync<TableEntity>(Filter(query), maxPerPage: Math.Clamp(query.PageSize, 1, 1000), cancellationToken: cancellationToken);
        return new MappedAsyncPageable<TableEntity, OrchestrationMetadata>(
            pages, query.ContinuationToken, Math.Clamp(query.PageSize, 1, 1000), row => ToMetadataAsync(row, query.FetchInputsAndOutputs, cancellationToken));
    }

    public static string? Filter(OrchestrationQuery query)
    {
        var parts = new List<string>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt le {to}"));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = query.InstanceIdPrefix;
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}"));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(TableEntity row, bool withPayloads, CancellationToken cancellationToken)
    {
        var summary = SummaryEntity.Read(row);
        var failure = summary.Failure is null ? null : DurableJson.Deserialize<TaskFailureDetails>(summary.Failure);
        return new OrchestrationMetadata(summary.Name ?? string.Empty, row.PartitionKey)
        {
            RuntimeStatus = summary.Status ?? OrchestrationRuntimeStatus.Pending,
            CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
            LastUpdatedAt = row.GetDateTimeOffset("LastUpdatedAt") ?? default,
            FailureDetails = failure,
            SerializedInput = withPayloads ? await payloads.ResolveAsync(summary.Input, cancellationToken) : null,
            SerializedOutput = withPayloads ? await payloads.ResolveAsync(summary.Output, cancellationToken) : null,
            SerializedCustomStatus = withPayloads ? await payloads.ResolveAsync(summary.CustomStatus, cancellationToken) : null,
        };
    }
}
