using System.Text.Json;
using DataOps.Functions.Reports;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Reports;

/// <summary>
/// Each report produced over the estate <see cref="ReportsEstate"/> prepares: the exact rows of its CSV and the totals
/// of its JSON, both read back from the blobs it wrote; producing again the same day replaces the pair.
/// </summary>
public sealed class ReportProducerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatasetsByStageByClient_CountsEachClientAndStageByStatus_WithRecordsAndScores()
    {
        var estate = await ReportsEstate.PrepareAsync(azurite);

        var (document, csv) = await ProduceAsync(estate, ReportCatalog.DatasetsByStageByClient);

        Assert.Equal(
        [
            "client_id,client_name,stage,datasets,active,provisioning,validating,ready,failed,teardown,archived,records,scored,mean_score,min_score",
            "acme,ACME,sandbox,2,1,0,0,1,1,0,0,500,2,98.5,97",
            "acme,ACME,pilot,1,1,0,1,0,0,0,0,0,0,,",
            "globex,GLOBEX,sandbox,2,1,0,0,1,0,0,1,0,2,100,100",
            "globex,GLOBEX,pilot,1,1,0,0,0,0,1,0,0,1,100,100",
            "initech,INITECH,sandbox,1,1,0,0,1,0,0,0,0,1,100,100",
        ], csv);
        AssertSummary(document, ("clients", "3"), ("datasets", "7"), ("active", "5"), ("sandbox", "5"), ("pilot", "2"), ("production", "0"));
        var first = document.GetProperty("rows")[0];
        Assert.Equal("acme", first.GetProperty("client_id").GetString());
        Assert.Equal(98.5, first.GetProperty("mean_score").GetDouble());
        Assert.Equal(JsonValueKind.Null, document.GetProperty("rows")[1].GetProperty("mean_score").ValueKind);
    }

    [Fact]
    public async Task ConnectorHealthSummary_ListsTheLiveConnectors_WithTheirChecks_AndFlagsAStaleOne()
    {
        var estate = await ReportsEstate.PrepareAsync(azurite);

        var (document, csv) = await ProduceAsync(estate, ReportCatalog.ConnectorHealthSummary);

        Assert.Equal(
        [
            "connector_name,datasource,connector_status,dataset_id,client_id,stage,dataset_type,dataset_status,last_health_check,hours_since_check,stale,health_details",
            "ACME-sandbox-confluence,acmesandboxconfluence,healthy,a1,acme,sandbox,confluence_pages,ready,2026-03-04T08:50:00.0000000Z,0.17,false,ok",
            "ACME-sandbox-github,acmesandboxgithub,unhealthy,a2,acme,sandbox,github_repos,failed,2026-03-04T07:00:00.0000000Z,2,false,datasource not found",
            "Globex-sandbox-confluence,globexsandboxconfluence,healthy,g2,globex,sandbox,confluence_pages,ready,2026-03-04T06:00:00.0000000Z,3,true,ok",
        ], csv);
        AssertSummary(
            document,
            ("connectors", "3"), ("healthy", "2"), ("unhealthy", "1"), ("paused", "0"), ("disconnected", "0"), ("retired", "1"),
            ("healthy_percent", "66.7"), ("never_checked", "0"), ("stale_checks", "1"), ("stale_after_hours", "1"));
    }

    [Fact]
    public async Task OrphanedDatasetsCheck_NamesTheActiveOrphansWithTheRulesReason_AndTheCleanupsRunning()
    {
        var estate = await ReportsEstate.PrepareAsync(azurite);

        var (document, csv) = await ProduceAsync(estate, ReportCatalog.OrphanedDatasetsCheck);

        Assert.Equal(
        [
            "dataset_id,client_id,journey_id,stage,dataset_type,status,finding,reason,created_at,age_hours,teardown_started_at",
            "a3,acme,j-acme,pilot,jira_issues,validating,active_orphan,journey j-acme moved to sandbox,2026-03-01T09:00:00.0000000Z,72,",
            "g2,globex,j-globex,sandbox,confluence_pages,ready,active_orphan,journey j-globex is completed,2026-03-01T09:00:00.0000000Z,72,",
            "g3,globex,j-globex,pilot,github_repos,teardown,cleanup_running,orphan cleanup teardown in progress,2026-03-01T09:00:00.0000000Z,72,2026-03-04T04:00:00.0000000Z",
        ], csv);
        AssertSummary(
            document,
            ("examined", "6"), ("active_orphans", "2"), ("target_below", "5"), ("met", "true"), ("cleanups_running", "1"),
            ("archived_by_orphan_cleanup", "0"), ("minimum_age_hours", "24"));
    }

    [Fact]
    public async Task DataQualityTrends_GroupsTheWindowsRunsByDayClientTemplateVersionAndStage()
    {
        var estate = await ReportsEstate.PrepareAsync(azurite);

        var (document, csv) = await ProduceAsync(estate, ReportCatalog.DataQualityTrends);

        const string Template = "healthcare.developer_productivity.confluence_pages";
        Assert.Equal(
        [
            "day,client_id,template_id,template_version,stage,runs,ready,failed,unchecked,scored_runs,mean_score,min_score,scoring_95_percent,failed_schema,failed_completeness,failed_connector_health,failed_sample_queries",
            $"2026-03-03,acme,{Template},1.0.0,sandbox,3,1,1,1,2,98.5,97,100,1,0,0,0",
            $"2026-03-04,acme,{Template},1.1.0,sandbox,1,1,0,0,1,100,100,100,0,0,0,0",
        ], csv);
        AssertSummary(
            document,
            ("from", "\"2026-02-26T00:00:00+00:00\""), ("runs", "4"), ("datasets", "2"), ("scored_runs", "3"), ("mean_score", "99"),
            ("scoring_95_percent", "100"), ("failed_schema", "1"));
    }

    [Fact]
    public async Task ProducingTwiceTheSameDay_ReplacesTheReport_AndListsTheDayOnce()
    {
        var estate = ReportsEstate.Empty(azurite);

        var first = await estate.Producer.ProduceAsync(ReportCatalog.OrphanedDatasetsCheck, Ct);
        var second = await estate.Producer.ProduceAsync(ReportCatalog.OrphanedDatasetsCheck, Ct);

        Assert.Equal("2026-03-04", first.Date);
        Assert.Equal(first with { GeneratedAt = second.GeneratedAt }, second);
        Assert.Equal("orphaned_datasets_check/2026-03-04.json", second.JsonBlob);
        Assert.Equal("orphaned_datasets_check/2026-03-04.csv", second.CsvBlob);
        var names = new List<string>();
        await foreach (var blob in estate.Container.GetBlobsAsync(cancellationToken: Ct))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(["orphaned_datasets_check/2026-03-04.csv", "orphaned_datasets_check/2026-03-04.json"], names);
        var dates = await estate.Store.DatesAsync(Ct);
        Assert.Equal(["2026-03-04"], dates["orphaned_datasets_check"]);
        var properties = await estate.Container.GetBlobClient(second.CsvBlob).GetPropertiesAsync(cancellationToken: Ct);
        Assert.Equal("text/csv; charset=utf-8", properties.Value.ContentType);
    }

    private static async Task<(JsonElement Document, string[] CsvLines)> ProduceAsync(ReportsEstate estate, ReportDefinition report)
    {
        var stored = await estate.Producer.ProduceAsync(report, Ct);
        Assert.Equal(report.Name, stored.Report);
        var json = await estate.Store.ReadAsync(report.Name, stored.Date, ReportFormat.Json, Ct);
        var csv = await estate.Store.ReadAsync(report.Name, stored.Date, ReportFormat.Csv, Ct);
        using var document = JsonDocument.Parse(json!.ToMemory());
        var root = document.RootElement.Clone();
        Assert.Equal(report.Name, root.GetProperty("report").GetString());
        Assert.Equal("2026-03-04", root.GetProperty("date").GetString());
        Assert.Equal(stored.Rows, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()), root.GetProperty("rows").EnumerateArray().FirstOrDefault().ValueKind == JsonValueKind.Object
            ? root.GetProperty("rows")[0].EnumerateObject().Select(p => p.Name)
            : root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var text = csv!.ToString();
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return (root, text[..^2].Split("\r\n"));
    }

    private static void AssertSummary(JsonElement document, params (string Name, string Json)[] expected)
    {
        var summary = document.GetProperty("summary");
        foreach (var (name, json) in expected)
        {
            Assert.True(summary.TryGetProperty(name, out var value), $"the summary has no {name}: {summary}");
            Assert.True(json == value.GetRawText(), $"summary {name} is {value.GetRawText()}, not {json}");
        }
    }
}
