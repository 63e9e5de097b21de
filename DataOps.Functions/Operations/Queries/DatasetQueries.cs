using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Access;
using DataOps.Functions.Registry;
using DataOps.Functions.Validation;

namespace DataOps.Functions.Operations.Queries;

/// <summary>The dataset read models: a filtered page of datasets, and one dataset with its quality checks and connector.</summary>
public sealed class DatasetQueries(IDatasetRegistry registry, QualityHistoryStore history, ConnectorStore connectors, ConnectorMetricsStore metrics)
{
    /// <summary>One page of the datasets <paramref name="query"/> selects; null when its continuation token is not one the registry issued.</summary>
    public async Task<DatasetList?> ListAsync(DatasetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            var page = await registry.ListAsync(query, cancellationToken);
            return new DatasetList([.. page.Items.Select(DatasetView.From)], page.ContinuationToken);
        }
        catch (ArgumentException ex) when (ex.ParamName == "token")
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="ListAsync"/> narrowed to the clients <paramref name="caller"/> may read: a filter on another client
    /// selects nothing; an Engineer of one client is filtered on it; one of several gets each page without the others'
    /// datasets (so a page may hold fewer than its size, and the continuation token still goes on).
    /// </summary>
    public async Task<DatasetList?> ListVisibleAsync(DatasetQuery query, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.SeesEveryClient)
        {
            return await ListAsync(query, cancellationToken);
        }

        if ((query.ClientId is { } asked && !caller.CanRead(asked)) || caller.Clients.Count == 0)
        {
            return new DatasetList([], null);
        }

        if (query.ClientId is null && caller.Clients.Count == 1)
        {
            query = query with { ClientId = ClientId.Create(caller.Clients.Single()) };
        }

        var list = await ListAsync(query, cancellationToken);
        return list is null ? null : list with { Items = [.. list.Items.Where(d => caller.Clients.Contains(d.ClientId))] };
    }

    /// <summary>The dataset with its quality checks (oldest run first) and its connector; null when no dataset has the id.</summary>
    public async Task<DatasetDetail?> GetAsync(DatasetId id, CancellationToken cancellationToken)
    {
        var record = await registry.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var snapshot = record.Dataset.ToSnapshot();
        var checks = await history.ReadAsync(id.Value, cancellationToken);
        var connector = await connectors.GetOwnedAsync(id, snapshot.ConnectorName, cancellationToken);
        var measured = connector is null ? null : await metrics.ReadAsync(connector.Connector.DatasourceName, snapshot.CreatedAt, cancellationToken);
        return new DatasetDetail(
            DatasetView.From(snapshot),
            [.. checks.Select(c => View(c.ValidatedAt, c.Check))],
            ViewOf(snapshot.ConnectorName.Value, connector) with { Metrics = measured, Sync = connector is null ? null : ConnectorSyncView.From(connector.Sync, snapshot) });
    }

    /// <summary>
    /// The connector with who sees its datasource: the beta users the product gave a test datasource, until a teardown
    /// disconnected it (then nobody); production is the client's, seen by its users as the documents' permissions say.
    /// </summary>
    private static ConnectorView ViewOf(string connectorName, ConnectorRecord? connector)
    {
        if (connector is null)
        {
            return new ConnectorView(connectorName, null, ConnectorView.NotCreated, null);
        }

        var hidden = connector.Status is ConnectorStatuses.Disconnected or ConnectorStatuses.Retired;
        var (visibility, visibleTo) = connector.Connector switch
        {
            { IsTestDatasource: false } => ("ENABLED_FOR_ALL", (IReadOnlyList<string>)[]),
            _ when hidden || connector.Connector.BetaUsers.Count == 0 => ("NOT_ENABLED", []),
            var c => ("ENABLED_FOR_TEST_GROUP", c.BetaUsers),
        };
        return new ConnectorView(connectorName, connector.Connector.DatasourceName, connector.Status, connector.LastHealthCheck, visibility, visibleTo);
    }

    private static QualityCheckView View(DateTimeOffset validatedAt, QualityCheckOutcome check)
    {
        var notApplicable = QualityCheckMapping.IsNotApplicable(check);
        return new QualityCheckView(
            validatedAt,
            check.CheckType.ToWireName(),
            notApplicable ? null : check.Score,
            check.Threshold,
            check.Passed,
            check.Errors,
            check.Warnings,
            notApplicable,
            notApplicable ? check.Details.GetValueOrDefault(QualityCheckResult.NotApplicableDetail) : null,
            check.Details);
    }
}
