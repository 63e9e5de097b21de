using System.Text.Json;
using DataOps.Domain.Datasets;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

internal static partial class LifecycleWorkflows
{
    /// <summary>
    /// The orchestration instances that worked on a dataset (<see cref="InstancesOf"/>): the exact ids that exist, and the
    /// instances under the shared prefixes whose input names the dataset. Unordered.
    /// </summary>
    public static async Task<IReadOnlyList<OrchestrationMetadata>> FindInstancesAsync(
        DurableTaskClient client, DatasetId datasetId, JourneyId journeyId, Stage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var found = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        var (exactIds, prefixes) = InstancesOf(datasetId, journeyId, stage);
        foreach (var exact in exactIds)
        {
            if (await client.GetInstanceAsync(exact, getInputsAndOutputs: true, cancellationToken) is { } instance)
            {
                found[instance.InstanceId] = instance;
            }
        }

        foreach (var prefix in prefixes)
        {
            var query = new OrchestrationQuery { InstanceIdPrefix = prefix, FetchInputsAndOutputs = true, PageSize = 100 };
            await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                if (NamesDataset(instance.SerializedInput, datasetId.Value))
                {
                    found[instance.InstanceId] = instance;
                }
            }
        }

        return [.. found.Values];
    }

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
