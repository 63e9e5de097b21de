using System.Net;
using System.Text;
using System.Text.Json;
using DataOps.MockData.Catalog;
using DataOps.Testing;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The bad-input campaign: one app on its own Azurite fed a table of malformed HTTP requests and malformed journey
/// events. Every request must be refused with the exact status and RFC 7807 problem details (a 400 naming exactly the
/// bad fields), every event must land in the poison queue, and afterwards every table, queue and container of the
/// account and the Glean emulator's state must be as they were, except the poison queue holding exactly those events.
/// </summary>
public sealed class BadInputCampaignTests
{
    private const string Provision = "api/datasets/provision";
    private const string Management = "runtime/webhooks/durabletask";

    /// <summary>The host's body limit in this campaign: small, so an oversize body stays inside the socket buffers and the early 413 is read, not a reset.</summary>
    private const int BodyLimit = 8192;

    private const string ValidProvision = """{"journeyId":"j-1","clientId":"acme","clientName":"ACME","industry":"healthcare","useCase":"clinical_workflows","stage":"sandbox","datasetTypes":["confluence_pages"],"requestedBy":"se@example.com"}""";
    private const string ValidTeardown = """{"reason":"manual","force":true}""";
    private const string ValidRecommend = """{"industry":"healthcare","useCase":"clinical_workflows","datasetTypes":["confluence_pages"]}""";

    private static readonly string[] AllProvisionFields = ["journeyId", "clientId", "clientName", "industry", "useCase", "stage", "datasetTypes", "requestedBy"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How a request presents the function key.</summary>
    public enum Key
    {
        /// <summary>The valid key in the <c>x-functions-key</c> header.</summary>
        Valid,

        /// <summary>No key at all.</summary>
        None,

        /// <summary>A wrong key in the header.</summary>
        WrongHeader,

        /// <summary>A wrong key in the <c>code</c> query parameter.</summary>
        WrongCode,
    }

    /// <summary>How the body is sent.</summary>
    public enum Send
    {
        /// <summary>With a Content-Length.</summary>
        Sized,

        /// <summary>Chunked, without a Content-Length, so only reading it finds it too large.</summary>
        Chunked,
    }

    /// <summary>
    /// One malformed request and what it must get: the status, and either the exact set of fields a 400's
    /// <c>errors</c> names or the problem's title (and, for the management API's 400s, which carry no
    /// <c>errors</c>, what its detail says).
    /// </summary>
    public sealed record HttpCase(
        string Name,
        string Method,
        string Path,
        string? Body,
        string? ContentType,
        HttpStatusCode Status,
        string[]? Errors = null,
        string? Title = null,
        Key Key = Key.Valid,
        Send Send = Send.Sized,
        string? DetailContains = null)
    {
        public override string ToString() => Name;
    }

    /// <summary>Over 100 malformed requests across every route.</summary>
    public static IReadOnlyList<HttpCase> HttpCases { get; } = BuildHttpCases();

    /// <summary>
    /// Starts the management API accepts although the app could not run them: it is the Durable extension's own handler,
    /// which starts any orchestrator name, instance id and input (202), as under the Functions host. Each is sent once the
    /// campaign has compared storage and Glean, and must end as <see cref="AcceptedStart.Ends"/> says.
    /// </summary>
    public static IReadOnlyList<AcceptedStart> AcceptedStarts { get; } =
    [
        new("start: unknown orchestrator", "DropAllTables", null, "{}", "Failed"),
        new("start: input not readable as the orchestrator's input", "ProvisionJourneyDatasets", null, "[1,2]", "Failed"),
        new("start: unpaired surrogate escape in the input", "ProvisionJourneyDatasets", "probe-1", """{"journeyId":"\ud800"}""", "Failed"),
        new("start: instance id with an illegal character", "ProvisionJourneyDatasets", "bad#id", """{"journeyId":"j-9"}""", "Failed"),
    ];

    /// <summary>Malformed journey events as they are put on the queue (wire text), with why each is malformed.</summary>
    public static IReadOnlyList<(string Name, string WireText)> QueueCases { get; } = BuildQueueCases();

    [Fact]
    public async Task Campaign_MalformedRequestsAndEvents_RefusedWithProblemDetails_AndStorageAndGleanUnchanged()
    {
        Assert.True(HttpCases.Count >= 40, $"only {HttpCases.Count} HTTP cases");
        Assert.True(QueueCases.Count >= 10, $"only {QueueCases.Count} queue cases");
        Assert.Equal(HttpCases.Count, HttpCases.Select(c => c.Name).Distinct().Count());

        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var app = await DataOpsApp.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["extensions:http:maxRequestBodySize"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The timers are switched off as Azure Functions does it: a timer firing mid-campaign (the health sweep
            // runs every 5 minutes) would start orchestrations, and its lock and status blobs would change.
            ["AzureWebJobs.OrphanScanTimer.Disabled"] = "true",
            ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
            ["AzureWebJobs.RetentionPurge.Disabled"] = "true",
            // A message the function fails on, instead of rejecting it as malformed, would come back only after ten
            // minutes, so the wait for the poison queue below fails: malformed events must go there at once.
            ["extensions:queues:visibilityTimeout"] = "00:10:00",
        });
        var volatileItems = VolatileItems(app);
        var poisonQueue = app.JourneyEvents.Name + "-poison";

        await SettleAsync(app, azurite.ConnectionString, volatileItems);
        var before = await StorageSnapshot.CaptureAsync(azurite.ConnectionString, volatileItems, Ct);
        var gleanBefore = await GleanEmulatorSnapshot.CaptureAsync(app.Glean.Server, Ct);
        // The poison queue appears with the first malformed event (the Storage Queues extension creates no queue up front).
        Assert.Empty(before.Where(k => k.StartsWith($"message {poisonQueue} |", StringComparison.Ordinal)));

        var failures = new List<string>();
        using (var http = new HttpClient { BaseAddress = app.Host.BaseAddress })
        {
            foreach (var c in HttpCases)
            {
                failures.AddRange((await CheckAsync(http, c)).Select(f => $"{c.Name} ({c.Method} {c.Path}): {f}"));
            }
        }

        foreach (var (_, wire) in QueueCases)
        {
            await app.JourneyEvents.SendMessageAsync(wire, cancellationToken: Ct);
        }

        // Every finding is collected, so one run reports all of them.
        var report = new List<string>();
        if (failures.Count > 0)
        {
            report.Add($"{failures.Count} of {HttpCases.Count} requests were not refused as expected:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }

        var poison = new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString).GetQueueClient(poisonQueue);
        try
        {
            await Eventually.ValueAsync(
                async () =>
                {
                    var poisoned = (await poison.ExistsAsync(Ct)).Value
                        ? (await poison.PeekMessagesAsync(32, Ct)).Value.Select(m => m.MessageText).ToHashSet(StringComparer.Ordinal)
                        : [];
                    var left = (await app.JourneyEvents.GetPropertiesAsync(cancellationToken: Ct)).Value.ApproximateMessagesCount;
                    return new PoisonProgress(left, [.. QueueCases.Where(q => !poisoned.Contains(q.WireText)).Select(q => q.Name)]);
                },
                progress => progress.Left == 0 && progress.NotPoisoned.Count == 0,
                TimeSpan.FromSeconds(60),
                $"all {QueueCases.Count} malformed events are in the poison queue and none is left or in flight");
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            report.Add(ex.Message);
        }

        var after = await StorageSnapshot.CaptureAsync(azurite.ConnectionString, volatileItems, Ct);
        var gleanAfter = await GleanEmulatorSnapshot.CaptureAsync(app.Glean.Server, Ct);

        bool IsPoison(string key) => key == $"queue {poisonQueue}" || key.StartsWith($"message {poisonQueue} |", StringComparison.Ordinal);
        var changes = after.Without(IsPoison).Diff(before.Without(IsPoison));
        if (changes.Count > 0)
        {
            report.Add($"storage changed:{Environment.NewLine}{string.Join(Environment.NewLine, changes)}");
        }

        var poisonQueueState = after.Entries[$"queue {poisonQueue}"];
        var poisoned = after.Where(k => k.StartsWith($"message {poisonQueue} |", StringComparison.Ordinal))
            .Select(e => e.Value[(e.Value.IndexOf(" text=", StringComparison.Ordinal) + " text=".Length)..])
            .Order(StringComparer.Ordinal).ToList();
        if (poisonQueueState != $"messages={QueueCases.Count} metadata={{}}" || !poisoned.SequenceEqual(QueueCases.Select(q => q.WireText).Order(StringComparer.Ordinal)))
        {
            report.Add($"the poison queue ({poisonQueueState}) does not hold exactly the {QueueCases.Count} malformed events:{Environment.NewLine}{string.Join(Environment.NewLine, poisoned.Select(p => Clip(p)))}");
        }

        var gleanChanges = gleanAfter.Diff(gleanBefore);
        if (gleanChanges.Count > 0)
        {
            report.Add($"the Glean emulator changed:{Environment.NewLine}{string.Join(Environment.NewLine, gleanChanges)}");
        }

        report.AddRange(await CheckAcceptedStartsAsync(app));
        Assert.True(report.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, report));
    }

    /// <summary>One start the extension accepts: the orchestrator, the instance id (null: the extension picks one), the input and how the instance ends.</summary>
    public sealed record AcceptedStart(string Name, string Orchestrator, string? InstanceId, string Input, string Ends)
    {
        public override string ToString() => Name;
    }

    private static async Task<List<string>> CheckAcceptedStartsAsync(DataOpsApp app)
    {
        var failures = new List<string>();
        using var http = new HttpClient { BaseAddress = app.Host.BaseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", DataOpsApp.Key);
        var started = new List<(AcceptedStart Start, string InstanceId)>();
        foreach (var start in AcceptedStarts)
        {
            var path = $"{Management}/orchestrators/{start.Orchestrator}" + (start.InstanceId is null ? string.Empty : "/" + Uri.EscapeDataString(start.InstanceId));
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(start.Input, Encoding.UTF8, "application/json"), Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                failures.Add($"{start.Name}: status {(int)response.StatusCode}, expected 202 from the extension's handler; body {Clip(text)}");
                continue;
            }

            var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
            if (start.InstanceId is not null && id != start.InstanceId)
            {
                failures.Add($"{start.Name}: started as '{id}', not '{start.InstanceId}'");
            }

            started.Add((start, id));
        }

        foreach (var (start, id) in started)
        {
            try
            {
                var status = await Eventually.ValueAsync(
                    async () =>
                    {
                        using var response = await http.GetAsync(new Uri($"{Management}/instances/{Uri.EscapeDataString(id)}", UriKind.Relative), Ct);
                        return response.IsSuccessStatusCode
                            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("runtimeStatus").GetString()
                            : $"HTTP {(int)response.StatusCode}";
                    },
                    s => s is "Completed" or "Failed" or "Terminated",
                    TimeSpan.FromSeconds(60),
                    $"instance '{id}' ({start.Name}) ends");
                if (status != start.Ends)
                {
                    failures.Add($"{start.Name}: instance '{id}' ended {status}, expected {start.Ends}");
                }
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures;
    }

    private sealed record PoisonProgress(int Left, IReadOnlyList<string> NotPoisoned)
    {
        public override string ToString() => $"{Left} left in the queue; not in the poison queue: {string.Join("; ", NotPoisoned)}";
    }

    /// <summary>
    /// What changes while the idle host merely runs, narrowed to the item: only its ETag is not compared; that it
    /// exists and its content still are. Nothing of the registry, the durable instance and history tables, the
    /// work-item and control queues, the events queue or the archives container is exempt.
    /// </summary>
    internal static IReadOnlyList<VolatileItem> VolatileItems(DataOpsApp app)
    {
        var leases = app.HubName.ToLowerInvariant() + "-leases";
        return
        [
            new(VolatileKind.Blob, leases, "workers/", "each durable worker rewrites its heartbeat blob (same content: its id) every lease-renew interval"),
            new(VolatileKind.Blob, leases, "ownership/", "the partition manager rewrites a partition's ownership record when a lease it let lapse (a slow renewal on a busy machine) is taken again"),
        ];
    }

    /// <summary>
    /// Waits until start-up work is over: template discovery has finished writing the catalog and two snapshots
    /// in a row are the same (queues, tables, lease blobs created by the listeners and the durable worker).
    /// </summary>
    internal static async Task SettleAsync(DataOpsApp app, string connectionString, IReadOnlyList<VolatileItem> volatileItems)
    {
        var discovery = app.Host.Services.GetServices<IHostedService>().OfType<TemplateCatalogInitializer>().Single();
        await Eventually.HoldsAsync(() => discovery.ExecuteTask is { IsCompleted: true }, "template discovery at start-up finishes", TimeSpan.FromSeconds(60));
        StorageSnapshot? previous = null;
        await Eventually.ValueAsync(
            async () =>
            {
                var current = await StorageSnapshot.CaptureAsync(connectionString, volatileItems, Ct);
                var stable = previous is not null && current.SameAs(previous);
                previous = current;
                return stable;
            },
            stable => stable,
            TimeSpan.FromSeconds(30),
            "two storage snapshots in a row are the same");
    }

    private static async Task<List<string>> CheckAsync(HttpClient http, HttpCase c)
    {
        var failures = new List<string>();
        var path = c.Key == Key.WrongCode ? c.Path + (c.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=not-the-key" : c.Path;
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), new Uri(path, UriKind.Relative));
        switch (c.Key)
        {
            case Key.Valid:
                request.Headers.Add("x-functions-key", DataOpsApp.Key);
                break;
            case Key.WrongHeader:
                request.Headers.Add("x-functions-key", DataOpsApp.Key + "-wrong");
                break;
        }

        if (c.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(c.Body);
            request.Content = c.Send == Send.Chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
            if (c.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, Ct);
        }
        catch (HttpRequestException ex)
        {
            failures.Add($"no response: {ex.Message} {ex.InnerException?.Message}");
            return failures;
        }

        using var _ = response;
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (c.Path.StartsWith(Management, StringComparison.Ordinal) && c.Key == Key.Valid && (int)response.StatusCode is >= 400 and < 500)
        {
            // Past the key check the management API is the Durable extension's own handler: it refuses with its own
            // status codes (404 for an id it cannot find, however malformed) and bodies, as under the Functions host.
            // The starts it accepts are AcceptedStarts, sent last.
            if (response.Headers.Contains("X-Injected") || response.Content.Headers.Contains("X-Injected"))
            {
                failures.Add("the response carries an injected header");
            }

            return failures;
        }

        if (response.StatusCode != c.Status)
        {
            failures.Add($"status {(int)response.StatusCode}, expected {(int)c.Status}; body {Clip(text)}");
            return failures;
        }

        if (response.Headers.Contains("X-Injected") || response.Content.Headers.Contains("X-Injected"))
        {
            failures.Add("the response carries an injected header");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"content type '{response.Content.Headers.ContentType}', expected application/problem+json; body {Clip(text)}");
            return failures;
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            failures.Add($"the body is not JSON: {Clip(text)}");
            return failures;
        }

        if (!problem.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != (int)c.Status)
        {
            failures.Add($"problem status missing or wrong: {Clip(text)}");
        }

        if (c.Errors is not null)
        {
            var named = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()
                : [];
            var expected = c.Errors.Order(StringComparer.Ordinal).ToList();
            if (!named.SequenceEqual(expected))
            {
                failures.Add($"errors name [{string.Join(", ", named)}], expected [{string.Join(", ", expected)}]; body {Clip(text)}");
            }
        }

        if (c.Title is not null && (!problem.TryGetProperty("title", out var title) || title.GetString() != c.Title))
        {
            failures.Add($"title is not '{c.Title}': {Clip(text)}");
        }

        if (c.DetailContains is not null
            && (!problem.TryGetProperty("detail", out var detail) || detail.GetString()?.Contains(c.DetailContains, StringComparison.Ordinal) != true))
        {
            failures.Add($"detail does not say '{c.DetailContains}': {Clip(text)}");
        }

        if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal))
        {
            failures.Add($"the answer shows exception details: {Clip(text)}");
        }

        return failures;
    }

    private static List<HttpCase> BuildHttpCases()
    {
        const string Json = "application/json";
        var oversizeProvision = ValidProvision.Replace("se@example.com", new string('x', BodyLimit + 1000), StringComparison.Ordinal);
        var deep = new string('[', 64) + new string(']', 64);
        var bad400 = HttpStatusCode.BadRequest;
        var notFound = HttpStatusCode.NotFound;
        var unauthorized = HttpStatusCode.Unauthorized;
        return
        [
            // POST /api/datasets/provision: bodies.
            new("provision: every field of the wrong JSON type", "POST", Provision,
                """{"journeyId":1,"clientId":true,"clientName":["ACME"],"industry":{},"useCase":2.5,"stage":3,"datasetTypes":"confluence_pages","requestedBy":false}""", Json, bad400, AllProvisionFields),
            new("provision: every field missing", "POST", Provision, "{}", Json, bad400, AllProvisionFields),
            new("provision: every field null", "POST", Provision,
                """{"journeyId":null,"clientId":null,"clientName":null,"industry":null,"useCase":null,"stage":null,"datasetTypes":null,"requestedBy":null}""", Json, bad400, AllProvisionFields),
            new("provision: JSON null body", "POST", Provision, "null", Json, bad400, ["body"]),
            new("provision: JSON array body", "POST", Provision, "[" + ValidProvision + "]", Json, bad400, ["body"]),
            new("provision: JSON number body", "POST", Provision, "42", Json, bad400, ["body"]),
            new("provision: JSON string body", "POST", Provision, "\"please provision\"", Json, bad400, ["body"]),
            new("provision: trailing garbage after the object", "POST", Provision, ValidProvision + " {\"again\":true}", Json, bad400, ["body"]),
            new("provision: truncated JSON", "POST", Provision, ValidProvision[..^12], Json, bad400, ["body"]),
            new("provision: JSON nested deeper than 32 levels", "POST", Provision, "{\"journeyId\":" + deep + "}", Json, bad400, ["body"]),
            new("provision: JSON with a comment", "POST", Provision, "/* provision */" + ValidProvision, Json, bad400, ["body"]),
            new("provision: empty body", "POST", Provision, "", Json, bad400, ["body"]),
            new("provision: unknown stage, industry and dataset type", "POST", Provision,
                With(ValidProvision, ("\"sandbox\"", "\"staging\""), ("\"healthcare\"", "\"aerospace\""), ("[\"confluence_pages\"]", "[\"gdrive_files\"]")), Json, bad400, ["stage", "industry", "datasetTypes[0]"]),
            new("provision: dataset types of the wrong item types", "POST", Provision,
                With(ValidProvision, ("[\"confluence_pages\"]", "[1,null,{}]")), Json, bad400, ["datasetTypes[0]", "datasetTypes[1]", "datasetTypes[2]"]),
            new("provision: ids with illegal characters", "POST", Provision,
                With(ValidProvision, ("\"acme\"", "\"ac/me\""), ("\"j-1\"", "\"j#1?\"")), Json, bad400, ["clientId", "journeyId"]),
            new("provision: over-long ids and name", "POST", Provision,
                With(ValidProvision, ("\"acme\"", $"\"{new string('a', 300)}\""), ("\"j-1\"", $"\"{new string('j', 65)}\""), ("\"ACME\"", $"\"{new string('A', 65)}\"")), Json, bad400, ["clientId", "journeyId", "clientName"]),
            new("provision: SQL injection in the client name", "POST", Provision,
                With(ValidProvision, ("\"ACME\"", "\"ACME'; DROP TABLE Datasets;--\"")), Json, bad400, ["clientName"]),
            new("provision: OData filter injection in the ids", "POST", Provision,
                With(ValidProvision, ("\"acme\"", "\"acme' or 1 eq 1\""), ("\"j-1\"", "\"j-1' or PartitionKey ne '\"")), Json, bad400, ["clientId", "journeyId"]),
            new("provision: script tags in the name and use case", "POST", Provision,
                With(ValidProvision, ("\"ACME\"", "\"<img src=x onerror=alert(1)>\""), ("\"clinical_workflows\"", "\"<script>alert(1)</script>\"")), Json, bad400, ["clientName", "useCase"]),
            new("provision: CRLF header injection in requestedBy", "POST", Provision,
                With(ValidProvision, ("\"se@example.com\"", "\"se@example.com\\r\\nX-Injected: 1\"")), Json, bad400, ["requestedBy"]),
            new("provision: unpaired surrogate escapes in strings and a property name", "POST", Provision,
                With(ValidProvision, ("\"ACME\"", "\"AC\\ud800ME\""), ("[\"confluence_pages\"]", "[\"\\udc00confluence_pages\"]"), ("{", "{\"\\ud800\":1,")), Json, bad400, ["clientName", "datasetTypes[0]"]),

            // POST /api/datasets/provision: transport.
            new("provision: text/plain content type", "POST", Provision, ValidProvision, "text/plain", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("provision: XML content type and body", "POST", Provision, "<provision><journeyId>j-1</journeyId></provision>", "application/xml", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("provision: form-encoded body", "POST", Provision, "journeyId=j-1&clientId=acme", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("provision: body without a content type", "POST", Provision, ValidProvision, null, HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("provision: JSON declared as UTF-16 but sent as UTF-8", "POST", Provision, ValidProvision, "application/json; charset=utf-16", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("provision: declared oversize body", "POST", Provision, oversizeProvision, Json, HttpStatusCode.RequestEntityTooLarge, Title: "Payload too large"),
            new("provision: chunked oversize body", "POST", Provision, oversizeProvision, Json, HttpStatusCode.RequestEntityTooLarge, Title: "Payload too large", Send: Send.Chunked),
            new("provision: no function key", "POST", Provision, ValidProvision, Json, unauthorized, Title: "Unauthorized", Key: Key.None),
            new("provision: wrong function key", "POST", Provision, ValidProvision, Json, unauthorized, Title: "Unauthorized", Key: Key.WrongHeader),
            new("provision: wrong key in the code parameter", "POST", Provision, ValidProvision, Json, unauthorized, Title: "Unauthorized", Key: Key.WrongCode),
            new("provision: PUT instead of POST", "PUT", Provision, ValidProvision, Json, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),
            new("provision: OPTIONS", "OPTIONS", Provision, null, null, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),

            // GET /api/datasets: the query string.
            new("list: unknown stage and status filters", "GET", "api/datasets?stage=staging&status=deleted", null, null, bad400, ["stage", "status"]),
            new("list: page size not a number", "GET", "api/datasets?pageSize=ten", null, null, bad400, ["pageSize"]),
            new("list: page size zero", "GET", "api/datasets?pageSize=0", null, null, bad400, ["pageSize"]),
            new("list: page size negative", "GET", "api/datasets?pageSize=-5", null, null, bad400, ["pageSize"]),
            new("list: page size over the maximum", "GET", "api/datasets?pageSize=100000", null, null, bad400, ["pageSize"]),
            new("list: continuation token not issued by the API", "GET", "api/datasets?continuationToken=not*a*token", null, null, bad400, ["continuationToken"]),
            new("list: over-long continuation token", "GET", $"api/datasets?continuationToken={new string('A', 1025)}", null, null, bad400, ["continuationToken"]),
            new("list: client id with illegal characters", "GET", "api/datasets?clientId=ac%2Fme%23x", null, null, bad400, ["clientId"]),
            new("quality trends: unknown stage and type, bad ids, days out of range", "GET", "api/quality/trends?stage=staging&datasetType=wiki&clientId=ac%2Fme&templateId=t%23x&days=91", null, null, bad400, ["stage", "datasetType", "clientId", "templateId", "days"]),
            new("quality trends: days not a number, given twice", "GET", "api/quality/trends?days=ten&clientId=a&clientId=b", null, null, bad400, ["days", "clientId"]),
            new("quality: illegal dataset id", "GET", "api/datasets/ds%231/quality", null, null, bad400, ["id"]),
            new("list: OData filter injection in the client id", "GET", "api/datasets?clientId=acme'%20or%201%20eq%201", null, null, bad400, ["clientId"]),
            new("list: CRLF header injection in the journey id", "GET", "api/datasets?journeyId=j-1%0D%0AX-Injected:%201", null, null, bad400, ["journeyId"]),
            new("list: a filter given twice", "GET", "api/datasets?stage=sandbox&stage=pilot", null, null, bad400, ["stage"]),
            new("list: no function key", "GET", "api/datasets", null, null, unauthorized, Title: "Unauthorized", Key: Key.None),
            new("list: empty key in the code parameter", "GET", "api/datasets?code=", null, null, unauthorized, Title: "Unauthorized", Key: Key.None),

            // GET /api/datasets/{id}.
            new("get: id with an illegal character", "GET", "api/datasets/ds%23frag", null, null, bad400, ["id"]),
            new("get: over-long id", "GET", $"api/datasets/{new string('d', 65)}", null, null, bad400, ["id"]),
            new("get: path traversal in the id", "GET", "api/datasets/..%2F..%2Fruntime%2Fwebhooks", null, null, bad400, ["id"]),
            new("get: CRLF header injection in the id", "GET", "api/datasets/ds-1%0D%0AX-Injected:%201", null, null, bad400, ["id"]),
            new("get: whitespace in the id", "GET", "api/datasets/ds%201", null, null, bad400, ["id"]),
            new("get: emoji in the id", "GET", "api/datasets/ds-%F0%9F%92%A9", null, null, bad400, ["id"]),
            new("get: invalid UTF-8 escapes in the id", "GET", "api/datasets/ds-%FF%FE", null, null, bad400, ["id"]),
            new("get: unknown dataset", "GET", "api/datasets/ds-does-not-exist", null, null, notFound, Title: "Dataset not found."),
            new("get: OData-looking id of an unknown dataset", "GET", "api/datasets/x'or'1'eq'1", null, null, notFound, Title: "Dataset not found."),
            new("get: script-looking id of an unknown dataset", "GET", "api/datasets/%3Cscript%3Ealert(1)%3C", null, null, notFound, Title: "Dataset not found."),
            new("get: wrong function key", "GET", "api/datasets/ds-1", null, null, unauthorized, Title: "Unauthorized", Key: Key.WrongHeader),

            // POST /api/datasets/{id}/validate.
            new("validate: id with a backslash", "POST", "api/datasets/ds%5C1/validate", null, null, bad400, ["id"]),
            new("validate: over-long id", "POST", $"api/datasets/{new string('v', 200)}/validate", null, null, bad400, ["id"]),
            new("validate: unknown dataset", "POST", "api/datasets/ds-does-not-exist/validate", null, null, notFound, Title: "Dataset not found."),
            new("validate: wrong key in the code parameter", "POST", "api/datasets/ds-1/validate", null, null, unauthorized, Title: "Unauthorized", Key: Key.WrongCode),
            new("validate: GET instead of POST", "GET", "api/datasets/ds-1/validate", null, null, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),

            // POST /api/datasets/{id}/teardown.
            new("teardown: illegal id, unknown reason and non-boolean force", "POST", "api/datasets/ds%231/teardown", """{"reason":"because","force":"yes"}""", Json, bad400, ["id", "reason", "force"]),
            new("teardown: reason of the wrong type", "POST", "api/datasets/ds-1/teardown", """{"reason":5}""", Json, bad400, ["reason"]),
            new("teardown: duplicate property, the last of the wrong type", "POST", "api/datasets/ds-1/teardown", """{"reason":"manual","reason":5}""", Json, bad400, ["reason"]),
            new("teardown: unpaired surrogate escape in the reason", "POST", "api/datasets/ds-1/teardown", """{"reason":"man\ud800ual"}""", Json, bad400, ["reason"]),
            new("teardown: JSON array body", "POST", "api/datasets/ds-1/teardown", "[" + ValidTeardown + "]", Json, bad400, ["body"]),
            new("teardown: not JSON", "POST", "api/datasets/ds-1/teardown", "reason=manual", Json, bad400, ["body"]),
            new("teardown: text/plain content type", "POST", "api/datasets/ds-1/teardown", ValidTeardown, "text/plain", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("teardown: declared oversize body", "POST", "api/datasets/ds-1/teardown", "{\"reason\":\"" + new string('r', BodyLimit) + "\"}", Json, HttpStatusCode.RequestEntityTooLarge, Title: "Payload too large"),
            new("teardown: unknown dataset", "POST", "api/datasets/ds-does-not-exist/teardown", ValidTeardown, Json, notFound, Title: "Dataset not found."),
            new("teardown: no function key", "POST", "api/datasets/ds-1/teardown", ValidTeardown, Json, unauthorized, Title: "Unauthorized", Key: Key.None),

            // POST /api/datasets/{id}/retry.
            new("retry: illegal id and reason of the wrong type", "POST", "api/datasets/ds%231/retry", """{"reason":5}""", Json, bad400, ["id", "reason"]),
            new("retry: blank reason", "POST", "api/datasets/ds-1/retry", """{"reason":"   "}""", Json, bad400, ["reason"]),
            new("retry: over-long reason", "POST", "api/datasets/ds-1/retry", "{\"reason\":\"" + new string('r', 501) + "\"}", Json, bad400, ["reason"]),
            new("retry: JSON array body", "POST", "api/datasets/ds-1/retry", "[{}]", Json, bad400, ["body"]),
            new("retry: text/plain content type", "POST", "api/datasets/ds-1/retry", "{}", "text/plain", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("retry: unknown dataset", "POST", "api/datasets/ds-does-not-exist/retry", "{}", Json, notFound, Title: "Dataset not found."),
            new("retry: no function key", "POST", "api/datasets/ds-1/retry", "{}", Json, unauthorized, Title: "Unauthorized", Key: Key.None),
            new("retry: GET instead of POST", "GET", "api/datasets/ds-1/retry", null, null, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),

            // POST /api/datasets/retry (bulk).
            new("bulk retry: no filter at all", "POST", "api/datasets/retry", "{}", Json, bad400, ["filter"]),
            new("bulk retry: every filter malformed", "POST", "api/datasets/retry", """{"clientId":"a b","journeyId":5,"stage":"prod","failedSince":"yesterday","reason":""}""", Json, bad400, ["clientId", "journeyId", "stage", "failedSince", "reason"]),
            new("bulk retry: failedSince without an offset", "POST", "api/datasets/retry", """{"failedSince":"2026-01-01T00:00:00"}""", Json, bad400, ["failedSince"]),
            new("bulk retry: OData injection in the client id", "POST", "api/datasets/retry", """{"clientId":"x' or 1 eq 1"}""", Json, bad400, ["clientId"]),
            new("bulk retry: not JSON", "POST", "api/datasets/retry", "clientId=acme", Json, bad400, ["body"]),
            new("bulk retry: no function key", "POST", "api/datasets/retry", """{"clientId":"acme"}""", Json, unauthorized, Title: "Unauthorized", Key: Key.None),

            // POST /api/teardowns/{id}/cancel and /extend.
            new("cancel: illegal id and no reason", "POST", "api/teardowns/ds%231/cancel", "{}", Json, bad400, ["id", "reason"]),
            new("cancel: reason of the wrong type", "POST", "api/teardowns/ds-1/cancel", """{"reason":true}""", Json, bad400, ["reason"]),
            new("cancel: unpaired surrogate escape in the reason", "POST", "api/teardowns/ds-1/cancel", """{"reason":"oops\ud800"}""", Json, bad400, ["reason"]),
            new("cancel: unknown teardown", "POST", "api/teardowns/ds-does-not-exist/cancel", """{"reason":"mistake"}""", Json, notFound, Title: "Teardown not found."),
            new("cancel: wrong function key", "POST", "api/teardowns/ds-1/cancel", """{"reason":"mistake"}""", Json, unauthorized, Title: "Unauthorized", Key: Key.WrongHeader),
            new("extend: hours out of range and a blank reason", "POST", "api/teardowns/ds-1/extend", """{"hours":0,"reason":" "}""", Json, bad400, ["hours", "reason"]),
            new("extend: hours not a whole number", "POST", "api/teardowns/ds-1/extend", """{"hours":1.5,"reason":"review"}""", Json, bad400, ["hours"]),
            new("extend: hours as a string", "POST", "api/teardowns/ds-1/extend", """{"hours":"24","reason":"review"}""", Json, bad400, ["hours"]),
            new("extend: hours missing", "POST", "api/teardowns/ds-1/extend", """{"reason":"review"}""", Json, bad400, ["hours"]),
            new("extend: more than 30 days", "POST", "api/teardowns/ds-1/extend", """{"hours":721,"reason":"review"}""", Json, bad400, ["hours"]),
            new("extend: unknown teardown", "POST", "api/teardowns/ds-does-not-exist/extend", """{"hours":24,"reason":"review"}""", Json, notFound, Title: "Teardown not found."),
            new("extend: DELETE instead of POST", "DELETE", "api/teardowns/ds-1/extend", null, null, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),

            // The template catalog.
            new("templates: unknown industry and dataset type filters", "GET", "api/templates?industry=aerospace&datasetType=gdrive_files", null, null, bad400, ["industry", "datasetType"]),
            new("templates: OData filter injection in the use case", "GET", "api/templates?useCase=x'%20or%201%20eq%201", null, null, bad400, ["useCase"]),
            new("template: id not of the form industry.use_case.type", "GET", "api/templates/justone", null, null, bad400, ["id"]),
            new("template: path traversal in the id", "GET", "api/templates/..%2F..%2Fsecrets", null, null, bad400, ["id"]),
            new("template: unknown template", "GET", "api/templates/aerospace.rockets.blueprints", null, null, notFound, Title: "Template not found"),
            new("recommend: not JSON", "POST", "api/templates/recommend", "{industry: healthcare", Json, bad400, ["body"]),
            new("recommend: every field of the wrong JSON type", "POST", "api/templates/recommend", """{"industry":1,"useCase":[],"datasetTypes":"confluence_pages"}""", Json, bad400, ["industry", "useCase", "datasetTypes"]),
            new("recommend: unknown industry and dataset type", "POST", "api/templates/recommend", """{"industry":"aerospace","useCase":"clinical_workflows","datasetTypes":["gdrive_files"]}""", Json, bad400, ["industry", "datasetTypes"]),
            new("recommend: unpaired surrogate escapes", "POST", "api/templates/recommend", """{"industry":"\udfffhealthcare","useCase":"clinical\ud800","datasetTypes":["\ud800"]}""", Json, bad400, ["industry", "useCase", "datasetTypes"]),
            new("recommend: text/plain content type", "POST", "api/templates/recommend", ValidRecommend, "text/plain", HttpStatusCode.UnsupportedMediaType, Title: "Unsupported media type."),
            new("recommend: chunked oversize body", "POST", "api/templates/recommend", "{\"industry\":\"" + new string('h', BodyLimit + 100) + "\"}", Json, HttpStatusCode.RequestEntityTooLarge, Title: "Payload too large", Send: Send.Chunked),
            new("recommend: no function key", "POST", "api/templates/recommend", ValidRecommend, Json, unauthorized, Title: "Unauthorized", Key: Key.None),
            new("discover: wrong function key", "POST", "api/templates/discover", null, null, unauthorized, Title: "Unauthorized", Key: Key.WrongHeader),
            new("discover: DELETE instead of POST", "DELETE", "api/templates/discover", null, null, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),

            // The durable management API.
            new("status: instance id with a quote", "GET", $"{Management}/instances/provision:j-1'or'1'eq'1", null, null, bad400, Title: "Bad request", DetailContains: "illegal character '''"),
            new("status: over-long instance id", "GET", $"{Management}/instances/{new string('i', 101)}", null, null, bad400, Title: "Bad request", DetailContains: "at most 100"),
            new("status: path traversal in the instance id", "GET", $"{Management}/instances/..%2F..%2Fapi", null, null, bad400, Title: "Bad request", DetailContains: "illegal character '%'"),
            new("status: unknown instance", "GET", $"{Management}/instances/provision:nobody:sandbox", null, null, notFound, Title: "Instance not found"),
            new("raise event: unknown instance", "POST", $"{Management}/instances/provision:nobody:sandbox/raiseEvent/Approval", "{\"approved\":true}", Json, notFound, Title: "Instance not found"),
            new("raise event: body not JSON", "POST", $"{Management}/instances/provision:nobody:sandbox/raiseEvent/Approval", "{approved", Json, bad400, Title: "Bad request", DetailContains: "not valid JSON"),
            new("terminate: unknown instance with a CRLF reason", "POST", $"{Management}/instances/provision:nobody:sandbox/terminate?reason=x%0D%0AX-Injected:%201", null, null, notFound, Title: "Instance not found"),
            new("suspend: unknown instance", "POST", $"{Management}/instances/provision:nobody:sandbox/suspend", null, null, notFound, Title: "Instance not found"),
            new("resume: unknown instance", "POST", $"{Management}/instances/provision:nobody:sandbox/resume", null, null, notFound, Title: "Instance not found"),
            new("purge: unknown instance", "DELETE", $"{Management}/instances/provision:nobody:sandbox", null, null, notFound, Title: "Instance not found"),
            new("start: trailing garbage after the input", "POST", $"{Management}/orchestrators/ProvisionJourneyDatasets", ValidProvision + "}}", Json, bad400, Title: "Bad request", DetailContains: "not valid JSON"),
            new("start: declared oversize input", "POST", $"{Management}/orchestrators/ProvisionJourneyDatasets", oversizeProvision, Json, HttpStatusCode.RequestEntityTooLarge, Title: "Payload too large"),
            new("management: no function key", "GET", $"{Management}/instances/provision:j-1:sandbox", null, null, unauthorized, Title: "Unauthorized", Key: Key.None),
            new("management: wrong function key", "POST", $"{Management}/orchestrators/ProvisionJourneyDatasets", ValidProvision, Json, unauthorized, Title: "Unauthorized", Key: Key.WrongHeader),

            // Elsewhere.
            new("health: POST instead of GET", "POST", "api/health", "{}", Json, HttpStatusCode.MethodNotAllowed, Title: "Method not allowed"),
            new("unknown route", "GET", "api/datasets/ds-1/secrets/all", null, null, notFound, Title: "Not found"),
        ];
    }

    private static List<(string, string)> BuildQueueCases()
    {
        static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        const string At = "2026-01-01T00:00:00Z";
        var garbage = string.Concat(Enumerable.Repeat("\U0001F4A9\u202E\u200B\u00E9\u0301\uFEFF\u4E2D", 450));
        return
        [
            ("not base64 (the host decodes base64)", "%%% not base64: {\"type\":\"JourneyCompleted\"} %%%"),
            ("base64 of bytes that are not UTF-8", Convert.ToBase64String([0xFF, 0xFE, 0xC3, 0x28, 0xA0, 0xA1])),
            ("not JSON", Base64("JourneyCompleted j-1 acme")),
            ("a JSON array", Base64($$"""[{"type":"JourneyCompleted","journeyId":"j-1","clientId":"acme","occurredAt":"{{At}}"}]""")),
            ("JSON null", Base64("null")),
            ("an unknown event type", Base64($$"""{"type":"JourneyExploded","journeyId":"j-1","clientId":"acme","occurredAt":"{{At}}"}""")),
            ("every field missing but the type", Base64("""{"type":"JourneyStageChanged"}""")),
            ("fields of the wrong JSON types", Base64("""{"type":"JourneyCompleted","journeyId":42,"clientId":["acme"],"occurredAt":true}""")),
            ("ids with illegal characters", Base64($$"""{"type":"JourneyCompleted","journeyId":"j/1","clientId":"ac#me","occurredAt":"{{At}}"}""")),
            ("dates that are not dates", Base64("""{"type":"JourneyStageChanged","journeyId":"j-1","clientId":"acme","fromStage":"sandbox","toStage":"pilot","occurredAt":"2026-13-45T99:00:00Z"}""")),
            ("unknown stages", Base64($$"""{"type":"JourneyStageChanged","journeyId":"j-1","clientId":"acme","fromStage":"staging","toStage":"moon","occurredAt":"{{At}}"}""")),
            ("a stage change to the same stage", Base64($$"""{"type":"JourneyStageChanged","journeyId":"j-1","clientId":"acme","fromStage":"pilot","toStage":"pilot","occurredAt":"{{At}}"}""")),
            ("a provision request with an unknown stage and dataset type", Base64($$"""{"type":"DatasetProvisionRequested","journeyId":"j-1","clientId":"acme","clientName":"ACME","industry":"healthcare","useCase":"clinical_workflows","stage":"staging","datasetTypes":["gdrive_files"],"requestedBy":"se@example.com","occurredAt":"{{At}}"}""")),
            ("OData and SQL injection in the ids", Base64($$"""{"type":"JourneyCompleted","journeyId":"j-1' or 1 eq 1","clientId":"acme'; DROP TABLE Journeys;--","occurredAt":"{{At}}"}""")),
            ("oversize unicode garbage in the ids", Base64($$"""{"type":"JourneyCompleted","journeyId":"{{garbage}}","clientId":"{{garbage[..100]}}","occurredAt":"{{At}}"}""")),
            ("lone surrogate escapes in the ids", Base64($$"""{"type":"JourneyCompleted","journeyId":"j-\ud800","clientId":"\udc00acme","occurredAt":"{{At}}"}""")),
            ("JSON nested deeper than 32 levels", Base64("{\"type\":" + new string('[', 64) + new string(']', 64) + "}")),
        ];
    }

    private static string With(string json, params (string From, string To)[] replacements)
    {
        foreach (var (from, to) in replacements)
        {
            Assert.Contains(from, json, StringComparison.Ordinal);
            json = json.Replace(from, to, StringComparison.Ordinal);
        }

        return json;
    }

    private static string Clip(string text) => text.Length <= 400 ? text : text[..400] + "...";

    /// <summary>A body sent chunked: its length is not declared, so the server finds out only by reading it.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // One write: the whole body is in the socket buffers before the server reads past its limit and closes.
            await stream.WriteAsync(bytes);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
