namespace DataOps.Functions.Operations.Queries;

/// <summary>A dataset's Glean connector as the dataset detail shows it.</summary>
/// <param name="Name">The connector's name (known before it is created).</param>
/// <param name="GleanDatasource">Its Glean datasource; null before it is created.</param>
/// <param name="Status">Its lifecycle status, or <see cref="NotCreated"/>.</param>
/// <param name="LastHealthCheck">When it was last probed.</param>
public sealed record ConnectorView(string Name, string? GleanDatasource, string Status, DateTimeOffset? LastHealthCheck)
{
    /// <summary>The status of a connector that does not exist yet.</summary>
    public const string NotCreated = "not_created";
}
