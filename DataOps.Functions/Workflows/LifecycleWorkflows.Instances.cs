using System.Text.Json;
using DataOps.Domain.Datasets;
using Grpc.Core;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

internal static partial class LifecycleWorkflows
{
    /// <summary>
    /// The orchestration instances that worked on a dataset (<see cref="InstancesOf"/>), unordered, and what could not be
    /// read. The Durable Functions API fails a read (or a whole listing) that meets an instance row without a name,
    /// which the Azure Storage provider leaves behind when a host stops between writing an orchestration's first
    /// history and its instance row; such an id or prefix is reported in <see cref="DatasetInstanceSet.Unreadable"/>
    /// instead of failing the caller, so one damaged row hides only what it holds.
    /// </summary>
    public static async Task<DatasetInstanceSet> FindInstancesAsync(DurableTaskClient client, DatasetSnapshot dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(dataset);
        var found = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        var datasetId = dataset.Id.Value;
        var (own, shared, prefixes) = InstancesOf(dataset.Id, dataset.JourneyId, dataset.Stage, dataset.Type);
        foreach (var id in own.Concat(shared))
        {
            try
            {
                if (await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is { } instance
                    && (own.Contains(id) || NamesDataset(instance.SerializedInput, datasetId)))
                {
                    found[instance.InstanceId] = instance;
                }
            }
            catch (RpcException ex) when (IsUnreadable(ex, cancellationToken))
            {
                unreadable.Add(id);
            }
        }

        foreach (var prefix in prefixes)
        {
            var query = new OrchestrationQuery { InstanceIdPrefix = prefix, FetchInputsAndOutputs = true, PageSize = 100 };
            try
            {
                await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
                {
                    if (NamesDataset(instance.SerializedInput, datasetId))
                    {
                        found[instance.InstanceId] = instance;
                    }
                }
            }
            catch (RpcException ex) when (IsUnreadable(ex, cancellationToken))
            {
                unreadable.Add(prefix + "*");
            }
        }

        return new DatasetInstanceSet([.. found.Values], unreadable);
    }

    private static bool IsUnreadable(RpcException ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex.StatusCode is not (StatusCode.Cancelled or StatusCode.Unavailable or StatusCode.DeadlineExceeded);

    /// <summary>Whether an instance's serialized input is an object whose <c>datasetId</c> is <paramref name="datasetId"/>.</summary>
    internal static bool NamesDataset(string? serializedInput, string datasetId)
    {
        if (string.IsNullOrEmpty(serializedInput))
        {
            return false;
        }

        try
        {
            using var input = JsonDocument.Parse(serializedInput);
            return input.RootElement.ValueKind == JsonValueKind.Object
                && input.RootElement.EnumerateObject().Any(p => string.Equals(p.Name, "datasetId", StringComparison.OrdinalIgnoreCase)
                    && p.Value.ValueKind == JsonValueKind.String
                    && string.Equals(p.Value.GetString(), datasetId, StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
