using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Model;
using DataOps.Tests.GleanEmulator;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Glean;

/// <summary>
/// Who sees what the adapter creates: the validation user and the people the stage names are the beta users of a test
/// datasource, sample queries run as the validation user and prove each named document findable, a disconnect hides the
/// datasource from everyone, and one client's people never find another client's documents.
/// </summary>
public sealed class GleanSearchVisibilityTests : IAsyncLifetime
{
    private const string AcmeSe = "se@acme.example.com";
    private const string AcmePilot = "pilot@acme.example.com";
    private const string GlobexSe = "se@globex.example.com";
    private const string AcmeSeToken = "acme-se-token";
    private const string GlobexSeToken = "globex-se-token";
    private GleanEmulatorFixture _emulator = null!;
    private GleanAdapterHarness _adapter = null!;

    private IGleanConnectorService Service => _adapter.Service;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await GleanEmulatorFixture.StartAsync(o =>
            o.ClientTokens = $"{GleanEmulatorFixture.ClientToken}={GleanEmulatorFixture.SearchUser},{AcmeSeToken}={AcmeSe},{GlobexSeToken}={GlobexSe}");
        _adapter = Adapter();
    }

    public async ValueTask DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task CreateConnector_EachStage_MakesTheValidationUserAndTheStagesPeopleBetaUsers()
    {
        var sandbox = await CreateAsync("acme", Stage.Sandbox);
        var pilot = await CreateAsync("acme", Stage.Pilot, DatasetType.JiraIssues);
        var production = await CreateAsync("acme", Stage.Production, DatasetType.SlackMessages);

        Assert.Equal([GleanEmulatorFixture.SearchUser, "internal@example.com", AcmeSe], (await _emulator.GetDatasourceAsync(sandbox.DatasourceName))!.BetaUsers);
        Assert.Equal([GleanEmulatorFixture.SearchUser, "internal@example.com", AcmePilot, AcmeSe], (await _emulator.GetDatasourceAsync(pilot.DatasourceName))!.BetaUsers);
        Assert.Equal("ENABLED_FOR_ALL", (await _emulator.GetDatasourceAsync(production.DatasourceName))!.Visibility);
        Assert.Empty(production.BetaUsers);
    }

    [Fact]
    public async Task RunSampleQueries_PlannedFromTheRecords_FindEveryNamedDocument()
    {
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 60);
        var connector = await CreateAndPopulateAsync("acme", records);

        var queries = SampleQueries.Plan(connector, records);
        var report = await Service.RunSampleQueriesAsync(connector, queries, Ct);

        Assert.Equal(SampleQueries.Count, queries.Count);
        Assert.All(queries, q => Assert.NotEmpty(q.ExpectedDocumentIds));
        Assert.True(report.AllSucceeded, string.Join("; ", report.Results.Where(r => !r.Succeeded).Select(r => $"{r.Query}: {r.Error}")));
        Assert.All(report.Results, r => Assert.Equal(r.ExpectedDocumentIds, r.FoundDocumentIds));
        Assert.Equal($"{GleanEmulatorFixture.SearchUser} (user-scoped token)", report.SearchedAs);
    }

    [Fact]
    public async Task RunSampleQueries_ExpectedDocumentNeverIndexed_FailsNamingItAsMissing()
    {
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 60);
        var connector = await CreateAndPopulateAsync("acme", records.Take(30).ToList());
        var queries = SampleQueries.Plan(connector, records);

        var report = await Service.RunSampleQueriesAsync(connector, queries, Ct);

        var absent = records.Skip(30).Select(r => (string)r["id"]!).ToHashSet(StringComparer.Ordinal);
        var failed = report.Results.Where(r => !r.Succeeded).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.NotEmpty(r.MissingDocumentIds));
        Assert.All(failed.SelectMany(r => r.MissingDocumentIds), id => Assert.Contains(id, absent));
        Assert.All(report.Results.Where(r => r.ExpectedDocumentIds.Any(absent.Contains)), r => Assert.False(r.Succeeded));
    }

    [Fact]
    public async Task Disconnect_FormerBetaUsers_FindNothingAnyMore()
    {
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 60);
        var connector = await CreateAndPopulateAsync("acme", records);
        var queries = SampleQueries.Plan(connector, records);
        var (_, seBefore, _) = await _emulator.SearchAsync(new { query = queries[0].Text }, AcmeSeToken);

        await Service.DisconnectAsync(connector, Ct);

        var report = await Service.RunSampleQueriesAsync(connector, queries, Ct);
        var (_, seAfter, _) = await _emulator.SearchAsync(new { query = queries[0].Text }, AcmeSeToken);
        Assert.NotEmpty(seBefore.ResultIds());
        Assert.Empty(seAfter.ResultIds());
        Assert.All(report.Results, r => Assert.Equal("no result; expected " + string.Join(", ", r.ExpectedDocumentIds), r.Error));
    }

    [Fact]
    public async Task Search_AUserOfClientA_FindsNothingOfClientBsTestDatasource()
    {
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 20);
        var acme = await CreateAndPopulateAsync("acme", records);
        var globex = await CreateAndPopulateAsync("globex", records);

        var (_, asAcme, _) = await _emulator.SearchAsync(new { query = "onboarding", pageSize = 100 }, AcmeSeToken);
        var (_, asGlobex, _) = await _emulator.SearchAsync(new { query = "onboarding", pageSize = 100 }, GlobexSeToken);
        var (_, acmeAskingForGlobex, _) = await _emulator.SearchAsync(
            new { query = "onboarding", requestOptions = new { facetBucketSize = 10, datasourceFilter = globex.DatasourceName } }, AcmeSeToken);

        Assert.NotEmpty(asAcme.ResultIds());
        Assert.All(asAcme.GetProperty("results").EnumerateArray(), r => Assert.Equal(acme.DatasourceName, r.GetProperty("document").GetProperty("datasource").GetString()));
        Assert.All(asGlobex.GetProperty("results").EnumerateArray(), r => Assert.Equal(globex.DatasourceName, r.GetProperty("document").GetProperty("datasource").GetString()));
        Assert.Empty(acmeAskingForGlobex.ResultIds());
    }

    [Fact]
    public async Task RunSampleQueries_GlobalToken_ActsAsTheValidationUser()
    {
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 30);
        var connector = await CreateAndPopulateAsync("acme", records);
        await using var global = Adapter(new() { ["ClientToken"] = GleanEmulatorFixture.GlobalClientToken, ["ClientTokenType"] = "Global" });

        var report = await global.Service.RunSampleQueriesAsync(connector, SampleQueries.Plan(connector, records), Ct);

        Assert.True(report.AllSucceeded, string.Join("; ", report.Results.Select(r => r.Error)));
        Assert.Contains("X-Glean-ActAs", report.SearchedAs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSampleQueries_GlobalTokenTakenForAUserScopedOne_FailsSayingTheActAsUserIsMissing()
    {
        var records = GleanRecords.Create(DatasetType.ConfluencePages, 30);
        var connector = await CreateAndPopulateAsync("acme", records);
        await using var misconfigured = Adapter(new() { ["ClientToken"] = GleanEmulatorFixture.GlobalClientToken });

        var report = await misconfigured.Service.RunSampleQueriesAsync(connector, SampleQueries.Plan(connector, records), Ct);

        Assert.All(report.Results, r => Assert.Contains("X-Glean-ActAs", r.Error, StringComparison.Ordinal));
        Assert.All(report.Results, r => Assert.False(r.Unanswered));
    }

    private GleanAdapterHarness Adapter(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["BetaUsers"] = "internal@example.com",
            ["Clients:acme:SeTeam"] = AcmeSe,
            ["Clients:acme:PilotUsers"] = AcmePilot,
            ["Clients:globex:SeTeam"] = GlobexSe,
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return GleanAdapterHarness.Create(_emulator.BaseUrl, values);
    }

    private Task<GleanConnector> CreateAsync(string client, Stage stage, DatasetType type = DatasetType.ConfluencePages) =>
        Service.CreateConnectorAsync(
            new ConnectorSpec($"{client.ToUpperInvariant()}-{stage.ToWireName()}-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, stage, new Uri("https://acme.example.com/"), ClientId: client),
            Ct);

    private async Task<GleanConnector> CreateAndPopulateAsync(string client, IReadOnlyList<IReadOnlyDictionary<string, object?>> records)
    {
        var connector = await CreateAsync(client, Stage.Sandbox);
        await Service.PopulateAsync(connector, $"ds-{client}", 1, records, Ct);
        return connector;
    }
}
