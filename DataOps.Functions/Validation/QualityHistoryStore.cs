using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Serialization;

namespace DataOps.Functions.Validation;

/// <summary>
/// Quality-check history: one row per check per validation run (PK = dataset id, RK = run time + check), so a retried
/// save of the same run overwrites itself instead of adding rows.
/// </summary>
public sealed class QualityHistoryStore(RegistryTables tables)
{
    /// <summary>Saves one validation run's checks.</summary>
    public async Task SaveAsync(string datasetId, DateTimeOffset validatedAt, IReadOnlyList<QualityCheckOutcome> checks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var run = validatedAt.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture);
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
