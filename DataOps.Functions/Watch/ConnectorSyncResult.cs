using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>What a run of the scheduled connector sync did.</summary>
/// <param name="Due">Datasets whose sync was due.</param>
/// <param name="Pushed">Pilot datasets whose changed export was pushed (and validated again).</param>
/// <param name="Unchanged">Pilot datasets whose export had not changed: nothing sent.</param>
/// <param name="Probed">Production datasets probed.</param>
/// <param name="Revalidated">Datasets validated again (pushed, or probed unhealthy).</param>
/// <param name="Failed">Datasets whose sync failed (Glean or storage down after every retry): the next run finds them due again.</param>
public sealed record ConnectorSyncResult(
    int Due,
    IReadOnlyList<DatasetId> Pushed,
    IReadOnlyList<DatasetId> Unchanged,
    IReadOnlyList<DatasetId> Probed,
    IReadOnlyList<DatasetId> Revalidated,
    IReadOnlyList<DatasetId> Failed);
