using Azure.Data.Tables;
using Azure.Storage.Queues;
using DataOps.Functions.Storage;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Registry;

/// <summary>
/// The registry's tables and the events queue, created once per process (at host start by <see cref="RegistryInitializer"/>,
/// else on first use); a creation that failed is tried again on the next use.
/// </summary>
public sealed class RegistryTables
{
    private readonly AsyncOnce _created;

    /// <summary>Creates the handles; nothing is created in storage until first use.</summary>
    public RegistryTables(TableServiceClient tables, QueueServiceClient queues, IOptions<RegistryOptions> options)
    {
        var o = options.Value;
        Datasets = tables.GetTableClient(o.TablePrefix + "Datasets");
        Index = tables.GetTableClient(o.TablePrefix + "DatasetIndex");
        Claims = tables.GetTableClient(o.TablePrefix + "DatasetClaims");
        Audit = tables.GetTableClient(o.TablePrefix + "AuditLog");
        QualityChecks = tables.GetTableClient(o.TablePrefix + "QualityChecks");
        QualityRuns = tables.GetTableClient(o.TablePrefix + "QualityRuns");
        Connectors = tables.GetTableClient(o.TablePrefix + "Connectors");
        ConnectorMetrics = tables.GetTableClient(o.TablePrefix + "ConnectorMetrics");
        Journeys = tables.GetTableClient(o.TablePrefix + "Journeys");
        Overview = tables.GetTableClient(o.TablePrefix + "Overview");
        Events = queues.GetQueueClient(o.EventsQueueName);
        _created = new AsyncOnce(CreateAllAsync);
    }

    /// <summary>Authoritative dataset rows (PK = dataset id).</summary>
    public TableClient Datasets { get; }

    /// <summary>Copies of dataset rows keyed for listing by client+stage, journey and status.</summary>
    public TableClient Index { get; }

    /// <summary>Uniqueness claims: client/stage/type slots and connector names.</summary>
    public TableClient Claims { get; }

    /// <summary>Every domain event, exactly once per event id.</summary>
    public TableClient Audit { get; }

    /// <summary>Quality-check history: every check of every validation run.</summary>
    public TableClient QualityChecks { get; }

    /// <summary>Quality-run history: every validation run's score, outcome and trigger.</summary>
    public TableClient QualityRuns { get; }

    /// <summary>Glean connectors.</summary>
    public TableClient Connectors { get; }

    /// <summary>Per-connector call figures by hour (<see cref="ConnectorMetricsStore"/>).</summary>
    public TableClient ConnectorMetrics { get; }

    /// <summary>The journey projection.</summary>
    public TableClient Journeys { get; }

    /// <summary>The operations overview's projection: per client, what the overview counts of each dataset (<see cref="OverviewProjection"/>).</summary>
    public TableClient Overview { get; }

    /// <summary>The <c>dataset-events</c> queue.</summary>
    public QueueClient Events { get; }

    /// <summary>Creates every table and the queue if absent (once per process).</summary>
    public Task EnsureCreatedAsync() => _created.RunAsync();

    private async Task CreateAllAsync()
    {
        await Task.WhenAll(
            Datasets.CreateIfNotExistsAsync(),
            Index.CreateIfNotExistsAsync(),
            Claims.CreateIfNotExistsAsync(),
            Audit.CreateIfNotExistsAsync(),
            QualityChecks.CreateIfNotExistsAsync(),
            QualityRuns.CreateIfNotExistsAsync(),
            Connectors.CreateIfNotExistsAsync(),
            ConnectorMetrics.CreateIfNotExistsAsync(),
            Journeys.CreateIfNotExistsAsync(),
            Overview.CreateIfNotExistsAsync(),
            Events.CreateIfNotExistsAsync()).ConfigureAwait(false);
    }
}
