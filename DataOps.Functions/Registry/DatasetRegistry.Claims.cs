using Azure;
using Azure.Data.Tables;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;

namespace DataOps.Functions.Registry;

internal sealed partial class DatasetRegistry
{
    private const string ClaimHolder = "DatasetId";

    private static string SlotKey(ClientId clientId, Stage stage, DatasetType type) => "slot~" + RegistryKeys.ActiveSlot(clientId, stage, type);

    private static string ConnectorKey(ConnectorName connectorName) => "connector~" + RegistryKeys.ConnectorName(connectorName);

    /// <summary>Insert-if-absent; holding the claim already (a retried activity) counts as success.</summary>
    private async Task ClaimAsync(string key, string datasetId, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(key, SingleRowKey) { [ClaimHolder] = datasetId };
        try
        {
            await tables.Claims.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await tables.Claims.GetEntityIfExistsAsync<TableEntity>(key, SingleRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue)
            {
                // Released between our insert and our read: try once more.
                await tables.Claims.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
                return;
            }

            var holder = existing.Value!.GetString(ClaimHolder) ?? string.Empty;
            if (!string.Equals(holder, datasetId, StringComparison.Ordinal))
            {
                throw new DatasetClaimConflictException(DescribeClaim(key), holder);
            }
        }
    }

    /// <summary>Deletes the claim only if this dataset holds it (ETag-guarded), so a newer holder is never evicted.</summary>
    private async Task ReleaseClaimAsync(string key, string datasetId, CancellationToken cancellationToken)
    {
        var existing = await tables.Claims.GetEntityIfExistsAsync<TableEntity>(key, SingleRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue || !string.Equals(existing.Value!.GetString(ClaimHolder), datasetId, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await tables.Claims.DeleteEntityAsync(key, SingleRowKey, existing.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Changed hands in between: not ours to delete any more.
        }
    }

    private static string DescribeClaim(string key)
    {
        var parts = key.Split('~', 2);
        var slot = parts[1].Split('|');
        return parts[0] == "slot" && slot.Length == 3
            ? $"The {slot[2]} slot of client '{slot[0]}' in stage {slot[1]}"
            : $"Connector name '{parts[1]}'";
    }
}
