using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Reports;

/// <summary>
/// The estate-wide reads the reports and the metrics start from: every dataset (a page of
/// <see cref="DatasetQuery.MaxPageSize"/> at a time), every connector, every journey, each read once per report,
/// never per row.
/// </summary>
public sealed class EstateReader(IDatasetRegistry registry, ConnectorStore connectors, JourneyProjectionStore journeys, OverviewProjection overview)
{
    /// <summary>Every dataset in the registry, whatever its status.</summary>
    public async Task<IReadOnlyList<DatasetSnapshot>> DatasetsAsync(CancellationToken cancellationToken) =>
        await registry.ListAllAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Every dataset as the overview's projection holds it (<see cref="OverviewProjection"/>): one row per client read.</summary>
    public Task<IReadOnlyCollection<OverviewEntry>> OverviewAsync(CancellationToken cancellationToken) => overview.ReadAllAsync(registry, cancellationToken);

    /// <summary>Every connector the product created.</summary>
    public Task<IReadOnlyList<ConnectorRecord>> ConnectorsAsync(CancellationToken cancellationToken) => connectors.ListAsync(cancellationToken);

    /// <summary>The state of every journey whose stage is known, by journey id.</summary>
    public async Task<IReadOnlyDictionary<JourneyId, JourneyState>> JourneysAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<JourneyId, JourneyState>();
        foreach (var view in await journeys.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (view.ToState() is { } state)
            {
                states[state.JourneyId] = state;
            }
        }

        return states;
    }
}
