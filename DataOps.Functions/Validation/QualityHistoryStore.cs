using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Serialization;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Validation;

/// <summary>
/// Quality history. Checks: one row per check per validation run (PK = dataset id, RK = run time + check). Runs: one row
/// per validation run (PK = dataset id, RK = run time) with its score, outcome, trigger and what it ran on. Keyed by
/// the run's time, so a retried save of the same run overwrites itself instead of adding rows.
/// </summary>
public sealed class QualityHistoryStore(RegistryTables tables)
{
    /// <summary>Saves one validation run: its row, and (when any ran) its checks.</summary>
    public async Task SaveRunAsync(QualityRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await SaveAsync(run.DatasetId.Value, run.ValidatedAt, run.Checks, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(run.DatasetId.Value, RunKey(run.ValidatedAt))
        {
            ["ValidatedAt"] = run.ValidatedAt,
            ["Outcome"] = run.Outcome.ToWireName(),
            ["Trigger"] = run.Trigger.ToWireName(),
            ["ClientId"] = run.ClientId.Value,
            ["Stage"] = run.Stage.ToWireName(),
            ["DatasetType"] = run.DatasetType.ToWireName(),
            ["TemplateId"] = run.TemplateId,
            ["TemplateVersion"] = run.TemplateVersion,
            ["Checks"] = JsonSerializer.Serialize(run.Checks, DomainJson.Options),
        };
        if (run.Score is { } score)
        {
            row["Score"] = score;
        }

        await tables.QualityRuns.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every validation run of the dataset, oldest first.</summary>
    public async Task<IReadOnlyList<QualityRun>> ReadRunsAsync(string datasetId, CancellationToken cancellationToken = default)
        => await QueryRunsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {datasetId}"), cancellationToken).ConfigureAwait(false);

    /// <summary>Every validation run of every dataset that ended at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<QualityRun>> ReadRunsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var runs = await QueryRunsAsync(TableClient.CreateQueryFilter($"ValidatedAt ge {since}"), cancellationToken).ConfigureAwait(false);
        return [.. runs.OrderBy(r => r.ValidatedAt).ThenBy(r => r.DatasetId.Value, StringComparer.Ordinal)];
    }

    private async Task<List<QualityRun>> QueryRunsAsync(string filter, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var runs = new List<QualityRun>();
        await foreach (var row in tables.QualityRuns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReadRun(row) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    // A row this version cannot read (a name it does not know) is left out rather than failing the whole history.
    private static QualityRun? ReadRun(TableEntity row)
    {
        if (!DatasetId.TryCreate(row.PartitionKey, out var datasetId, out _)
            || !ClientId.TryCreate(row.GetString("ClientId"), out var clientId, out _)
            || !WireNames.TryParse<WorkflowOutcome>(row.GetString("Outcome"), out var outcome)
            || !WireNames.TryParse<ValidationTrigger>(row.GetString("Trigger"), out var trigger)
            || !WireNames.TryParse<Stage>(row.GetString("Stage"), out var stage)
            || !WireNames.TryParse<DatasetType>(row.GetString("DatasetType"), out var type))
        {
            return null;
        }

        var checks = JsonSerializer.Deserialize<QualityCheckOutcome[]>(row.GetString("Checks") ?? "[]", DomainJson.Options) ?? [];
        return new QualityRun(
            datasetId,
            row.GetDateTimeOffset("ValidatedAt") ?? default,
            row.GetDouble("Score"),
            outcome.Value,
            trigger.Value,
            clientId,
            stage.Value,
            type.Value,
            row.GetString("TemplateId"),
            row.GetString("TemplateVersion"),
            checks);
    }

    private static string RunKey(DateTimeOffset validatedAt) => validatedAt.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture);

    /// <summary>Saves one validation run's checks.</summary>
    public async Task SaveAsync(string datasetId, DateTimeOffset validatedAt, IReadOnlyList<QualityCheckOutcome> checks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var run = RunKey(validatedAt);
        var actions = checks.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(datasetId, run, validatedAt, c))).ToList();
        if (actions.Count > 0)
        {
            await tables.QualityChecks.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity Row(string datasetId, string run, DateTimeOffset validatedAt, QualityCheckOutcome check)
    {
        var row = new TableEntity(datasetId, $"{run}~{check.CheckType.ToWireName()}")
        {
            ["ValidatedAt"] = validatedAt,
            ["CheckType"] = check.CheckType.ToWireName(),
            ["Threshold"] = check.Threshold,
            ["Passed"] = check.Passed,
            ["Result"] = JsonSerializer.Serialize(check, DomainJson.Options),
        };

        // A check that did not apply has no score: the row says so instead of holding a number.
        if (QualityCheckMapping.IsNotApplicable(check))
        {
            row["NotApplicable"] = true;
        }
        else
        {
            row["Score"] = check.Score;
        }

        return row;
    }

    /// <summary>Every check ever run on the dataset, oldest first.</summary>
    public async Task<IReadOnlyList<QualityHistoryEntry>> ReadAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var entries = new List<QualityHistoryEntry>();
        await foreach (var row in tables.QualityChecks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {datasetId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var outcome = JsonSerializer.Deserialize<QualityCheckOutcome>(row.GetString("Result") ?? "null", DomainJson.Options);
            if (outcome is not null)
            {
                entries.Add(new QualityHistoryEntry(row.GetDateTimeOffset("ValidatedAt") ?? default, outcome));
            }
        }

        return entries;
    }
}
