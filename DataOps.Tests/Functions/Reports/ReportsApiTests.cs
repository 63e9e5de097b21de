using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;
using DataOps.Tests.Domain;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Reports;

/// <summary>
/// The reports and metrics API on the running app, its clock fixed: a report produced on demand is listed and
/// downloaded as JSON and CSV with its content type and file name; unknown reports and days answer 404; bad dates,
/// formats, report names and windows answer 400 naming each field, and write nothing.
/// </summary>
public sealed class ReportsApiTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReportProducedNow_IsListed_AndDownloadsAsJsonAndCsv()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, time: new ManualTimeProvider(Now));
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("api-a1").ForClient("acme", "ACME").ForJourney("j-api").BuildIn(DatasetStatus.Ready), Ct);
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("api-a2").ForClient("acme", "ACME").ForJourney("j-api").OfType(DatasetType.JiraIssues).BuildIn(DatasetStatus.Failed), Ct);

        using var produced = await app.PostJsonAsync("api/reports/produce", new { report = "datasets_by_stage_by_client" });
        Assert.Equal(HttpStatusCode.OK, produced.StatusCode);
        var stored = await produced.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2026-03-04", stored.GetProperty("date").GetString());
        Assert.Equal(1, stored.GetProperty("rows").GetInt32());
        Assert.Equal(app.Prefix + "-reports", stored.GetProperty("container").GetString());
        Assert.Equal("datasets_by_stage_by_client/2026-03-04.csv", stored.GetProperty("csvBlob").GetString());

        var list = await app.GetJsonAsync("api/reports");
        var reports = list.GetProperty("reports").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["datasets_by_stage_by_client", "data_quality_trends", "connector_health_summary", "orphaned_datasets_check"], reports.Keys);
        Assert.Equal(["2026-03-04"], reports["datasets_by_stage_by_client"].GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("0 30 4 * * 1", reports["datasets_by_stage_by_client"].GetProperty("schedule").GetString());
        Assert.Equal("weekly", reports["datasets_by_stage_by_client"].GetProperty("cadence").GetString());
        Assert.Empty(reports["orphaned_datasets_check"].GetProperty("dates").EnumerateArray());

        using var json = await app.Http.GetAsync(new Uri("api/reports/datasets_by_stage_by_client/2026-03-04", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("datasets_by_stage_by_client-2026-03-04.json", json.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var document = await json.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var row = Assert.Single(document.GetProperty("rows").EnumerateArray());
        Assert.Equal(("acme", 2, 1, 1, 1), (row.GetProperty("client_id").GetString(), row.GetProperty("datasets").GetInt32(), row.GetProperty("active").GetInt32(), row.GetProperty("ready").GetInt32(), row.GetProperty("failed").GetInt32()));

        using var csv = await app.Http.GetAsync(new Uri("api/reports/datasets_by_stage_by_client/2026-03-04?format=csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("datasets_by_stage_by_client-2026-03-04.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n");
        Assert.StartsWith("client_id,client_name,stage,datasets,active,", lines[0], StringComparison.Ordinal);
        Assert.Equal("acme,ACME,sandbox,2,1,0,0,1,1,0,0,0,1,100,100", lines[1]);
    }

    [Fact]
    public async Task BadRequests_NameEachField_UnknownReportsAndDaysAre404_AndNothingIsWritten()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, time: new ManualTimeProvider(Now));
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(app.Prefix + "-reports");

        await AssertBadRequestAsync(app, HttpMethod.Post, "api/reports/produce", """{"report":"weekly_everything"}""", "report");
        await AssertBadRequestAsync(app, HttpMethod.Post, "api/reports/produce", """{"report":42}""", "report");
        await AssertBadRequestAsync(app, HttpMethod.Post, "api/reports/produce", "{}", "report");
        await AssertBadRequestAsync(app, HttpMethod.Post, "api/reports/produce", "[]", "body");
        await AssertBadRequestAsync(app, HttpMethod.Post, "api/reports/produce", "{\"report\":", "body");
        await AssertBadRequestAsync(app, HttpMethod.Get, "api/reports/orphaned_datasets_check/04-03-2026", null, "date");
        await AssertBadRequestAsync(app, HttpMethod.Get, "api/reports/orphaned_datasets_check/2026-02-30", null, "date");
        await AssertBadRequestAsync(app, HttpMethod.Get, "api/reports/orphaned_datasets_check/2026-03-04?format=xlsx", null, "format");
        await AssertBadRequestAsync(app, HttpMethod.Get, "api/reports/orphaned_datasets_check/today?format=pdf", null, "date", "format");
        await AssertBadRequestAsync(app, HttpMethod.Get, "api/operations/metrics?from=yesterday&to=2026-13-01", null, "from", "to");
        await AssertBadRequestAsync(app, HttpMethod.Get, "api/operations/metrics?from=2026-03-04&to=2026-03-01", null, "from");
        Assert.False((await container.ExistsAsync(Ct)).Value, "a refused request created the reports container");

        await AssertNotFoundAsync(app, "api/reports/weekly_everything/2026-03-04");
        await AssertNotFoundAsync(app, "api/reports/orphaned_datasets_check/2026-03-04");
        using (var produced = await app.PostJsonAsync("api/reports/produce", new { report = "orphaned_datasets_check" }))
        {
            Assert.Equal(HttpStatusCode.OK, produced.StatusCode);
        }

        await AssertNotFoundAsync(app, "api/reports/orphaned_datasets_check/2026-03-03");
        await AssertNotFoundAsync(app, "api/reports/connector_health_summary/2026-03-04?format=csv");
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: Ct))
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(["orphaned_datasets_check/2026-03-04.csv", "orphaned_datasets_check/2026-03-04.json"], blobs);
    }

    [Fact]
    public async Task Metrics_DefaultToTheLast30Days_WithATargetBesideEachFigure()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, time: new ManualTimeProvider(Now));
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("m-1").ForClient("acme", "ACME").ForJourney("j-m").BuildIn(DatasetStatus.Ready), Ct);

        var metrics = await app.GetJsonAsync("api/operations/metrics");
        var windowed = await app.GetJsonAsync("api/operations/metrics?from=2026-03-01&to=2026-03-02");

        Assert.Equal(Now.AddDays(-30), metrics.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(Now, metrics.GetProperty("to").GetDateTimeOffset());
        var byName = metrics.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(100.0, byName["first_attempt_success_rate"].GetProperty("value").GetDouble());
        Assert.Equal(98.0, byName["first_attempt_success_rate"].GetProperty("target").GetDouble());
        Assert.True(byName["first_attempt_success_rate"].GetProperty("met").GetBoolean());
        Assert.Equal(600.0, byName["provisioning_p95_seconds"].GetProperty("value").GetDouble());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), windowed.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(1, windowed.GetProperty("metrics")[0].GetProperty("counts").GetProperty("registered").GetInt32());
    }

    private static async Task AssertBadRequestAsync(DataOpsApp app, HttpMethod method, string path, string? body, params string[] fields)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await app.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(fields.Order(StringComparer.Ordinal), problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    private static async Task AssertNotFoundAsync(DataOpsApp app, string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
