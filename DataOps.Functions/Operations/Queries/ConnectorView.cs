using DataOps.Functions.Registry;

namespace DataOps.Functions.Operations.Queries;

/// <summary>A dataset's Glean connector as the dataset detail shows it.</summary>
/// <param name="Name">The connector's name (known before it is created).</param>
/// <param name="GleanDatasource">Its Glean datasource; null before it is created.</param>
/// <param name="Status">Its lifecycle status, or <see cref="NotCreated"/>.</param>
/// <param name="LastHealthCheck">When it was last probed.</param>
/// <param name="Visibility">
/// Who Glean shows the datasource to, in Glean's words: <c>ENABLED_FOR_TEST_GROUP</c> (a test datasource seen by its
/// beta users), <c>ENABLED_FOR_ALL</c> (production: every user the documents' permissions admit), <c>NOT_ENABLED</c>
/// (disconnected or retired, or a test datasource without beta users: nobody); null before it is created.
/// </param>
/// <param name="VisibleTo">The beta users who see a test datasource (the validation user first); empty otherwise.</param>
/// <param name="Metrics">What the product measured of it (sync success, query times, errors, freshness, uptime); null before it is created.</param>
/// <param name="Sync">Its scheduled sync (the stage's schedule, the last sync, when the next is due); null before it is created.</param>
public sealed record ConnectorView(
    string Name,
    string? GleanDatasource,
    string Status,
    DateTimeOffset? LastHealthCheck,
    string? Visibility = null,
    IReadOnlyList<string>? VisibleTo = null,
    ConnectorMetricsView? Metrics = null,
    ConnectorSyncView? Sync = null)
{
    /// <summary>The status of a connector that does not exist yet.</summary>
    public const string NotCreated = "not_created";
}
