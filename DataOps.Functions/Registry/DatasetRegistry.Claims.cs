using Azure;
using DataOps.Domain.Datasets;
using DataOps.Storage.Tables;

namespace DataOps.Functions.Registry;

public sealed partial class DatasetRegistry
{
    private const string ClaimHolder = "DatasetId";

    private static string SlotKey(ClientId clientId, Stage stage, DatasetType type)
        => $"slot~{clientId.Value}~{stage.ToWireName()}~{type.ToWireName()}";

    // Connector names are unique regardless of case: Glean datasource names derived from them are case-insensitive.
    private static string ConnectorKey(string connectorName) => "connector~" + connectorName.ToUpperInvariant();

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
        var parts = key.Split('~');
        return parts[0] == "slot" && parts.Length == 4
            ? $"The {parts[3]} slot of client '{parts[1]}' in stage {parts[2]}"
            : $"Connector name '{key["connector~".Length..]}'";
    }
}
