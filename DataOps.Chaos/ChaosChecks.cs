namespace DataOps.Chaos;

/// <summary>One promise checked after the run: its name, the violations found (empty = passed) and what was looked at.</summary>
internal sealed record CheckResult(string Name, IReadOnlyList<string> Violations, string Scope)
{
    public bool Passed => Violations.Count == 0;
}

/// <summary>The product's promises under faults, checked against what storage and the emulator hold.</summary>
internal static class ChaosChecks
{
    private static readonly string[] OnceEach = ["DatasetProvisioningStarted", "DatasetProvisionCompleted"];
    private static readonly string[] OnceEachArchived = ["DatasetTeardownStarted", "DatasetArchived"];
    private static readonly string[] ArchiveBlobs = ["metadata.json.gz", "sample_data.json.gz", "quality_reports.json.gz"];

    public static bool IsTerminal(string status) => status is "Completed" or "Failed" or "Terminated";

    /// <summary>A journey is settled when each of its types has a dataset in its final status (or FAILED, which the checks report).</summary>
    public static bool IsSettled(ChaosJourney journey, IReadOnlyList<DatasetRow> datasets)
    {
        var mine = datasets.Where(d => d.JourneyId == journey.JourneyId).ToList();
        if (mine.Any(d => d.Status == "failed"))
        {
            return true;
        }

        var expected = journey.MovesOn && !journey.TransitionSent ? "not yet" : journey.ExpectedStatus;
        return journey.Types.All(t => mine.Any(d => d.DatasetType == t && d.Status == expected));
    }

    public static async Task<List<CheckResult>> RunAsync(IReadOnlyList<ChaosJourney> journeys, ClusterState state, CancellationToken cancellationToken)
    {
        var datasets = await state.DatasetsAsync(cancellationToken);
        var instances = await state.InstancesAsync(cancellationToken);
        var audit = await state.AuditAsync(cancellationToken);
        var results = new List<CheckResult>
        {
            new(
                "every orchestration terminal",
                [.. instances.Where(i => !IsTerminal(i.Status)).Select(i => $"{i.InstanceId} ({i.Name}) is {i.Status}")],
                $"{instances.Count} instances: {string.Join(", ", instances.GroupBy(i => i.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}"))}"),
            new(
                "no orchestration failed",
                [.. instances.Where(i => i.Status == "Failed").Select(i => $"{i.InstanceId} ({i.Name}): {Short(i.Failure)}")],
                $"{instances.Count} instances"),
            JourneyOutcomes(journeys, datasets),
            new(
                "one active dataset per client/stage/type",
                [.. datasets.Where(IsActive).GroupBy(d => (d.ClientId, d.Stage, d.DatasetType)).Where(g => g.Count() > 1)
                    .Select(g => $"{g.Key.ClientId}/{g.Key.Stage}/{g.Key.DatasetType}: {string.Join(", ", g.Select(d => d.DatasetId))}")],
                $"{datasets.Count(IsActive)} active datasets"),
            new(
                "no duplicate connector names",
                [.. datasets.Where(IsActive).GroupBy(d => d.ConnectorName).Where(g => g.Count() > 1)
                    .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.DatasetId))}")],
                $"{datasets.Count(IsActive)} active connectors"),
            await ArchivedCleanAsync(datasets, state, cancellationToken),
            await ReadyIndexedAsync(datasets, state, cancellationToken),
            AuditExactlyOnce(datasets, audit),
            await PoisonEmptyAsync(state, cancellationToken),
        };
        return results;
    }

    private static bool IsActive(DatasetRow d) => d.Status is not ("archived" or "failed");

    private static CheckResult JourneyOutcomes(IReadOnlyList<ChaosJourney> journeys, IReadOnlyList<DatasetRow> datasets)
    {
        var violations = new List<string>();
        foreach (var journey in journeys)
        {
            var mine = datasets.Where(d => d.JourneyId == journey.JourneyId).ToList();
            foreach (var type in journey.Types)
            {
                var ofType = mine.Where(d => d.DatasetType == type).ToList();
                if (ofType.Count == 0)
                {
                    violations.Add($"{journey.JourneyId} {type}: no dataset");
                }
                else if (ofType.Count > 1)
                {
                    violations.Add($"{journey.JourneyId} {type}: {ofType.Count} datasets ({string.Join(", ", ofType.Select(d => $"{d.DatasetId} {d.Status}"))})");
                }
                else if (ofType[0].Status != journey.ExpectedStatus)
                {
                    violations.Add($"{ofType[0].DatasetId}: {ofType[0].Status.ToUpperInvariant()}, expected {journey.ExpectedStatus.ToUpperInvariant()}{(ofType[0].FailureReason is { } why ? $" ({Short(why)})" : "")}");
                }
            }

            violations.AddRange(mine.Where(d => !journey.Types.Contains(d.DatasetType)).Select(d => $"{d.DatasetId}: type {d.DatasetType} was never requested"));
        }

        var ready = datasets.Count(d => d.Status == "ready");
        var archived = datasets.Count(d => d.Status == "archived");
        return new("datasets READY or ARCHIVED as their journeys demand", violations, $"{datasets.Count} datasets: {ready} ready, {archived} archived, {datasets.Count - ready - archived} other");
    }

    private static async Task<CheckResult> ArchivedCleanAsync(IReadOnlyList<DatasetRow> datasets, ClusterState state, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        var archived = datasets.Where(d => d.Status == "archived").ToList();
        foreach (var d in archived)
        {
            if (d.ArchiveLocation is null)
            {
                violations.Add($"{d.DatasetId}: no archive location");
            }
            else
            {
                var blobs = await state.ArchiveBlobsAsync(d.ArchiveLocation, cancellationToken);
                var missing = ArchiveBlobs.Except(blobs).ToList();
                if (missing.Count > 0)
                {
                    violations.Add($"{d.DatasetId}: archive lacks {string.Join(", ", missing)}");
                }
            }

            var documents = d.GleanDatasource is null ? 0 : await state.GleanDocumentCountAsync(d.GleanDatasource, cancellationToken);
            if (documents != 0)
            {
                violations.Add($"{d.DatasetId}: datasource {d.GleanDatasource} still holds {documents} documents");
            }
        }

        return new("ARCHIVED: three archive blobs, empty datasource", violations, $"{archived.Count} archived datasets");
    }

    private static async Task<CheckResult> ReadyIndexedAsync(IReadOnlyList<DatasetRow> datasets, ClusterState state, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        var ready = datasets.Where(d => d.Status == "ready").ToList();
        foreach (var d in ready)
        {
            if (d.GleanDatasource is null)
            {
                violations.Add($"{d.DatasetId}: no connector row for {d.ConnectorName}");
                continue;
            }

            var documents = await state.GleanDocumentCountAsync(d.GleanDatasource, cancellationToken);
            if (documents == 0 || documents != d.RecordCount)
            {
                violations.Add($"{d.DatasetId}: {documents} documents in {d.GleanDatasource}, {d.RecordCount} records");
            }
        }

        return new("READY: all documents in Glean", violations, $"{ready.Count} ready datasets, {ready.Sum(d => d.RecordCount)} documents");
    }

    private static CheckResult AuditExactlyOnce(IReadOnlyList<DatasetRow> datasets, IReadOnlyList<AuditRow> audit)
    {
        var violations = new List<string>();
        violations.AddRange(audit.GroupBy(a => a.EventId).Where(g => g.Count() > 1).Select(g => $"event {g.Key} ({g.First().EventType}) logged {g.Count()} times"));
        var byStream = audit.ToLookup(a => a.StreamId);
        foreach (var d in datasets.Where(d => d.Status is "ready" or "archived"))
        {
            var rows = byStream[d.DatasetId].ToList();
            if (rows.Count != d.EventSequence)
            {
                violations.Add($"{d.DatasetId}: {rows.Count} audit rows for {d.EventSequence} events raised");
            }

            foreach (var type in d.Status == "archived" ? OnceEach.Concat(OnceEachArchived) : OnceEach)
            {
                var count = rows.Count(r => r.EventType == type);
                if (count != 1)
                {
                    violations.Add($"{d.DatasetId}: {type} logged {count} times");
                }
            }

            if (!rows.Any(r => r.EventType == "DatasetReady"))
            {
                violations.Add($"{d.DatasetId}: DatasetReady never logged");
            }
        }

        return new("audit log: each lifecycle event exactly once", violations, $"{audit.Count} audit rows");
    }

    private static async Task<CheckResult> PoisonEmptyAsync(ClusterState state, CancellationToken cancellationToken)
    {
        var queues = await state.PoisonQueuesAsync(cancellationToken);
        return new(
            "poison queues empty",
            [.. queues.Where(q => q.Messages > 0).Select(q => $"{q.Queue}: {q.Messages} messages")],
            $"{queues.Count} poison queues ({string.Join(", ", queues.Select(q => q.Queue))})");
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "...";
}
