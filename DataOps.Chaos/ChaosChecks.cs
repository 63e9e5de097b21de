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

        return journey.Types.All(t => mine.Any(d => d.DatasetType == t && d.Status == (journey.MovesOn && !journey.TransitionSent ? "not yet" : journey.ExpectedStatusOf(t))));
    }

    public static async Task<List<CheckResult>> RunAsync(IReadOnlyList<ChaosJourney> journeys, ClusterState state, CancellationToken cancellationToken)
    {
        // The health sweep starts every few seconds: read the end state at a moment when nothing runs (a minute at most).
        var instances = await state.InstancesAsync(cancellationToken);
        for (var i = 0; i < 60 && instances.Any(x => !IsTerminal(x.Status)); i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            instances = await state.InstancesAsync(cancellationToken);
        }

        var datasets = await state.DatasetsAsync(cancellationToken);
        var audit = await state.AuditAsync(cancellationToken);
        var requests = await state.GleanRequestsAsync(cancellationToken);
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
            NothingInFlightWithoutWorkflow(datasets, instances),
            ConnectorsTouchedByOwners(datasets, requests),
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
                else if (ofType[0].Status != journey.ExpectedStatusOf(type))
                {
                    violations.Add($"{ofType[0].DatasetId}: {ofType[0].Status.ToUpperInvariant()}, expected {journey.ExpectedStatusOf(type).ToUpperInvariant()}{(ofType[0].FailureReason is { } why ? $" ({Short(why)})" : "")}");
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
            // The lifecycle events the dataset raised; the commands callers issued on it (a retry, a cancel) are audited
            // next to them as DatasetCommandIssued rows, one per accepted command, and its connector's events
            // (ConnectorCreated, ConnectorHealthChanged) too: none of those are the dataset's lifecycle events.
            var all = byStream[d.DatasetId].ToList();
            var rows = all.Where(r => r.EventType is not ("DatasetCommandIssued" or "ConnectorCreated" or "ConnectorHealthChanged")).ToList();
            if (rows.Count != d.EventSequence)
            {
                violations.Add($"{d.DatasetId}: {rows.Count} audit rows for {d.EventSequence} events raised");
            }

            // A retried dataset starts provisioning once per attempt; it completes provisioning once (its attempts before failed).
            var started = rows.Count(r => r.EventType == "DatasetProvisioningStarted");
            if (started != d.Attempt)
            {
                violations.Add($"{d.DatasetId}: DatasetProvisioningStarted logged {started} times in {d.Attempt} attempts");
            }

            foreach (var type in d.Status == "archived" ? OnceEach.Skip(1).Concat(OnceEachArchived) : OnceEach.Skip(1))
            {
                var count = rows.Count(r => r.EventType == type);
                if (count != 1)
                {
                    violations.Add($"{d.DatasetId}: {type} logged {count} times");
                }
            }

            // Its connector is created at most once per attempt (a retried step finds the event it published), and at
            // least by the attempt that made it ready (an earlier one may have failed before it got that far).
            var created = all.Count(r => r.EventType == "ConnectorCreated");
            if (created < 1 || created > d.Attempt)
            {
                violations.Add($"{d.DatasetId}: ConnectorCreated logged {created} times in {d.Attempt} attempts");
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

    private static readonly string[] InFlight = ["provisioning", "validating", "teardown"];

    /// <summary>
    /// No dataset is left PROVISIONING, VALIDATING or TEARDOWN with none of its orchestrations pending or running (the
    /// product's instance-id formats: <c>teardown:{id}</c>, <c>health-sweep:validate:{id}</c>, and, when their input names
    /// the dataset, <c>provision:{journey}:{stage}:…</c>, <c>revalidate:{id}:…</c>, <c>retry:{id}:…</c>, <c>restore:{id}:…</c>).
    /// </summary>
    private static CheckResult NothingInFlightWithoutWorkflow(IReadOnlyList<DatasetRow> datasets, IReadOnlyList<InstanceRow> instances)
    {
        var violations = new List<string>();
        var inFlight = datasets.Where(d => InFlight.Contains(d.Status)).ToList();
        foreach (var d in inFlight)
        {
            var exact = new[] { "teardown:" + d.DatasetId, "health-sweep:validate:" + d.DatasetId };
            var prefixes = new[] { $"provision:{d.JourneyId}:{d.Stage}:", $"revalidate:{d.DatasetId}:", $"retry:{d.DatasetId}:", $"restore:{d.DatasetId}:" };
            var mine = instances.Where(i => exact.Contains(i.InstanceId)
                || (prefixes.Any(p => i.InstanceId.StartsWith(p, StringComparison.Ordinal)) && (i.Input ?? "").Contains(d.DatasetId, StringComparison.Ordinal))).ToList();
            if (!mine.Any(i => !IsTerminal(i.Status)))
            {
                var workflows = mine.Count == 0
                    ? "no orchestration of it"
                    : string.Join(", ", mine.OrderBy(i => i.LastUpdated).Select(i => $"{i.InstanceId} {i.Status} at {i.LastUpdated:HH:mm:ss}"));
                violations.Add($"{d.DatasetId} ({d.JourneyId} {d.DatasetType}) {d.Status.ToUpperInvariant()} since {d.UpdatedAt:HH:mm:ss}, attempt {d.Attempt}" +
                    $"{(d.RevalidationReason is { } why ? $", note: {Short(why)}" : "")}; {workflows}");
            }
        }

        return new("no dataset in PROVISIONING, VALIDATING or TEARDOWN without a running orchestration", violations, $"{inFlight.Count} datasets in flight at the end");
    }

    /// <summary>
    /// Every Glean request that named a datasource (body, route or search filter) was made while exactly one dataset owned the
    /// connector behind it (from its registration until it was archived; a FAILED dataset keeps its name), and a bulk upload's
    /// id (<c>dataops-{datasetId}-{attempt|retire}</c>) names that owner. The run's own operator calls are left out.
    /// </summary>
    private static CheckResult ConnectorsTouchedByOwners(IReadOnlyList<DatasetRow> datasets, IReadOnlyList<GleanRequest> requests)
    {
        var slack = TimeSpan.FromSeconds(1);
        var owners = datasets.ToLookup(d => d.GleanDatasource ?? DatasourceName(d.ConnectorName), StringComparer.Ordinal);
        var touching = requests.Where(r => r.Datasource is not null && r.Agent != ClusterState.OperatorAgent).ToList();
        var violations = new List<string>();
        foreach (var request in touching)
        {
            foreach (var datasource in request.Datasource!.Split(','))
            {
                var live = owners[datasource].Where(d => d.CreatedAt - slack <= request.At && (d.ArchivedAt is not { } archived || request.At <= archived + slack)).ToList();
                var what = $"#{request.Sequence} {request.Path} {request.Status} at {request.At:HH:mm:ss.fff}";
                if (live.Count == 0)
                {
                    violations.Add(owners[datasource].Any()
                        ? $"{datasource}: {what} while no dataset owned it ({string.Join(", ", owners[datasource].Select(d => $"{d.DatasetId} {d.CreatedAt:HH:mm:ss.fff}-{d.ArchivedAt:HH:mm:ss.fff}"))})"
                        : $"{datasource}: {what}, a datasource no dataset's connector maps to");
                }
                else if (live.Count > 1)
                {
                    violations.Add($"{datasource}: {what} while {live.Count} datasets held it ({string.Join(", ", live.Select(d => d.DatasetId))})");
                }
                else if (UploadOwner(request.UploadId) is { } uploader && uploader != live[0].DatasetId)
                {
                    violations.Add($"{datasource}: {what}, upload {request.UploadId} of {uploader}, but {live[0].DatasetId} owns the connector");
                }
            }
        }

        return new(
            "no connector touched by a dataset that does not own it",
            violations,
            $"{touching.Count} Glean requests to {touching.Select(r => r.Datasource).Distinct(StringComparer.Ordinal).Count()} datasources ({touching.Count(r => r.UploadId is not null)} with an upload id) of {requests.Count} logged");
    }

    /// <summary>The dataset an upload id names (<c>dataops-{datasetId}-{attempt|retire}</c>, the product's format), or null.</summary>
    private static string? UploadOwner(string? uploadId)
    {
        const string Prefix = "dataops-";
        var last = uploadId?.LastIndexOf('-') ?? -1;
        return uploadId is not null && uploadId.StartsWith(Prefix, StringComparison.Ordinal) && last > Prefix.Length ? uploadId[Prefix.Length..last] : uploadId;
    }

    /// <summary>The Glean datasource name the adapter derives from a connector name (lower-case letters and digits; long names hashed).</summary>
    private static string DatasourceName(string connectorName)
    {
        var kept = new string(connectorName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (kept.Length <= 50)
        {
            return kept;
        }

        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(connectorName))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return kept[..41] + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "...";
}
