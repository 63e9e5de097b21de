using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Staging;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The staged copy of a dataset's current attempt: what population pushed, kept so that the checks and the archive
/// read the records that went to Glean instead of producing them again. Population stages once per attempt
/// (<see cref="StageAsync"/>): the source (the template's generator, or the client's pilot export, read and sanitized)
/// is consulted only when the attempt has no copy yet; every later step reads the copy (<see cref="OpenAsync"/>). A pilot
/// dataset's scheduled sync stages a changed export under a new revision of the attempt and records it on the connector
/// once pushed; from then on that revision is the copy every step reads.
/// </summary>
internal sealed class DatasetStaging(DatasetRecordSource source, StagedCopyStore store, ConnectorStore connectors)
{
    /// <summary>The sync revision of the dataset's current attempt whose copy is current (0: population's own).</summary>
    public async Task<int> CurrentRevisionAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var connector = await connectors.GetOwnedAsync(dataset.Id, dataset.ConnectorName, cancellationToken).ConfigureAwait(false);
        return connector?.Sync.RevisionFor(dataset.Attempt) ?? 0;
    }

    /// <summary>
    /// The records the attempt pushes, and their staged copy. The first execution produces them from the source and
    /// writes the copy; an execution that finds the copy there (the activity ran again, or ran twice at once) reads it
    /// back and pushes those, so an attempt never stages or pushes two different sets of records.
    /// </summary>
    public async Task<StagedPopulation> StageAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (await ReadBackAsync(dataset, cancellationToken).ConfigureAwait(false) is { } staged)
        {
            return staged;
        }

        var records = await source.LoadAsync(dataset, cancellationToken).ConfigureAwait(false);
        var copy = await store.WriteIfAbsentAsync(dataset.Id, dataset.Attempt, records, cancellationToken).ConfigureAwait(false);
        if (copy is not null)
        {
            return new StagedPopulation(records, copy, Reused: false);
        }

        // Another execution of the same attempt wrote its copy between our look and our write: that one is what counts.
        return await ReadBackAsync(dataset, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The staged copy of dataset '{dataset.Id.Value}' attempt {dataset.Attempt} was written by another execution but cannot be read.");
    }

    /// <summary>The staged copy of the dataset's current attempt (its current sync revision), opened for reading; null when it has none.</summary>
    public async Task<StagedRecords?> OpenAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var revision = await CurrentRevisionAsync(dataset, cancellationToken).ConfigureAwait(false);
        return await store.OpenAsync(dataset.Id, dataset.Attempt, revision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The staged copy of the dataset's current attempt for a check to read. A dataset populated before copies were
    /// kept (or whose copy was deleted) has none: it is staged from the source now, as the checks produced their records
    /// before, and <c>Restaged</c> says so, for the check to warn that the copy was not written when the records were pushed.
    /// </summary>
    public async Task<(StagedRecords Staged, string? Restaged)> OpenForCheckAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var revision = await CurrentRevisionAsync(dataset, cancellationToken).ConfigureAwait(false);
        if (await store.OpenAsync(dataset.Id, dataset.Attempt, revision, cancellationToken).ConfigureAwait(false) is { } staged)
        {
            return (staged, null);
        }

        if (revision == 0)
        {
            await StageAsync(dataset, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var records = await source.LoadAsync(dataset, cancellationToken).ConfigureAwait(false);
            await store.WriteIfAbsentAsync(dataset.Id, dataset.Attempt, revision, records, cancellationToken).ConfigureAwait(false);
        }

        var restaged = $"attempt {dataset.Attempt} had no staged copy (populated before copies were kept, or the copy was deleted): it was staged from the source now, "
            + (dataset.DataSource == DataSource.SanitizedExport ? "and the client's export may have changed since its records were pushed" : "which produces the records that were pushed");
        var written = await store.OpenAsync(dataset.Id, dataset.Attempt, revision, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The staged copy of dataset '{dataset.Id.Value}' attempt {dataset.Attempt} was written but cannot be opened.");
        return (written, restaged);
    }

    private async Task<StagedPopulation?> ReadBackAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        await using var staged = await store.OpenAsync(dataset.Id, dataset.Attempt, cancellationToken).ConfigureAwait(false);
        if (staged is null)
        {
            return null;
        }

        var records = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var record in staged.ReadAsync(source.SchemaFor(dataset), cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return new StagedPopulation(records, staged.Copy, Reused: true);
    }
}
