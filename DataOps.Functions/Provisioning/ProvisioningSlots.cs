using System.Globalization;
using Azure;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The seats of one stage's provisions (the seeds' "10 parallel provisions per stage"): a row per seat in the claims
/// table (partition <c>stage-seat~{stage}</c>, row the seat number) naming the dataset that holds it. Taking a seat is
/// insert-if-absent, so two hosts never give one seat twice; taking it again for the same dataset (a retried activity)
/// finds it held already. A seat whose holder is no longer being provisioned (its workflow failed, was terminated, or
/// its host died and the health sweep failed the dataset) is taken over with an ETag-guarded replace, so seats never leak.
/// </summary>
internal sealed class ProvisioningSlots(RegistryTables tables, IDatasetRegistry registry)
{
    private const string HolderColumn = "DatasetId";

    private static readonly HashSet<DatasetStatus> BeingProvisioned = [DatasetStatus.Provisioning, DatasetStatus.Validating];

    /// <summary>Takes one of the stage's <paramref name="seats"/> for the dataset; false when every seat is held by a live provision.</summary>
    public async Task<bool> TryTakeAsync(Stage stage, DatasetId datasetId, int seats, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var held = await HeldAsync(stage, cancellationToken).ConfigureAwait(false);
        if (held.Any(r => r.GetString(HolderColumn) == datasetId.Value))
        {
            return true;
        }

        var taken = held.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        for (var seat = 0; seat < seats; seat++)
        {
            var key = Seat(seat);
            if (taken.Contains(key))
            {
                continue;
            }

            try
            {
                await tables.Claims.AddEntityAsync(new TableEntity(Partition(stage), key) { [HolderColumn] = datasetId.Value }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another provision took it meanwhile.
            }
        }

        foreach (var row in held.Where(r => int.TryParse(r.RowKey, CultureInfo.InvariantCulture, out var seat) && seat < seats))
        {
            var holder = row.GetString(HolderColumn);
            var record = string.IsNullOrEmpty(holder) ? null : await registry.GetAsync(DatasetId.Create(holder), cancellationToken).ConfigureAwait(false);
            if (record is not null && BeingProvisioned.Contains(record.Dataset.Status))
            {
                continue;
            }

            try
            {
                await tables.Claims.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [HolderColumn] = datasetId.Value }, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Released or taken over by someone else meanwhile.
            }
        }

        return false;
    }

    /// <summary>Gives up the dataset's seat, if it holds one (ETag-guarded: a seat taken over since is not touched).</summary>
    public async Task ReleaseAsync(Stage stage, DatasetId datasetId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        foreach (var row in (await HeldAsync(stage, cancellationToken).ConfigureAwait(false)).Where(r => r.GetString(HolderColumn) == datasetId.Value))
        {
            try
            {
                await tables.Claims.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Taken over meanwhile: no longer ours.
            }
        }
    }

    /// <summary>How many of the stage's seats are held now.</summary>
    public async Task<int> CountHeldAsync(Stage stage, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        return (await HeldAsync(stage, cancellationToken).ConfigureAwait(false)).Count;
    }

    private async Task<List<TableEntity>> HeldAsync(Stage stage, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Claims.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(stage)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string Partition(Stage stage) => "stage-seat~" + stage.ToWireName();

    private static string Seat(int seat) => seat.ToString("D3", CultureInfo.InvariantCulture);
}
