using System.Net;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.GleanEmulator;

/// <summary>The indexing endpoints answer as glean-api.md says, for success and for each error.</summary>
public sealed class IndexingContractTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AddDatasource_ThenGetConfig_ReturnsTheConfig()
    {
        await _emulator.AddDatasourceAsync("docs");

        var (status, body, _) = await _emulator.PostAsync("api/index/v1/getdatasourceconfig", new { datasource = "docs" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("docs", body.GetProperty("name").GetString());
        Assert.Equal("^https://docs\\.example\\.com/.*", body.GetProperty("urlRegex").GetString());
    }

    [Fact]
    public async Task AddDatasource_Twice_UpdatesAndKeepsDocuments()
    {
        await _emulator.AddDatasourceAsync("docs");
        await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 3) });

        var (status, _, _) = await _emulator.PostAsync("api/index/v1/adddatasource", new { name = "docs", urlRegex = "^https://docs\\.example\\.com/.*", isTestDatasource = true });

        Assert.Equal(HttpStatusCode.OK, status);
        var view = await _emulator.GetDatasourceAsync("docs");
        Assert.Equal(3, view!.DocumentCount);
        Assert.True(view.Config.IsTestDatasource);
    }

    [Theory]
    [InlineData("{\"urlRegex\":\"^https://x/\"}", "name is required")]
    [InlineData("{\"name\":\"Bad_Name\",\"urlRegex\":\"^https://x/\"}", "lower-case letters or digits")]
    [InlineData("{\"name\":\"docs\"}", "urlRegex is required")]
    [InlineData("{\"name\":\"docs\",\"urlRegex\":\"(\"}", "not a valid regular expression")]
    [InlineData("{\"name\":\"docs\",\"urlRegex\":\"^x\",\"datasourceCategory\":\"NOPE\"}", "datasourceCategory")]
    [InlineData("{\"name\":\"docs\",\"urlRegex\":\"^x\",\"objectDefinitions\":[{\"name\":\"Bad Type\"}]}", "objectDefinitions[0].name")]
    [InlineData("{\"name\":\"docs\",\"urlRegex\":\"^x\",\"objectDefinitions\":[{\"name\":\"Page\",\"propertyDefinitions\":[{\"name\":\"p\",\"propertyType\":\"BLOB\"}]}]}", "propertyType")]
    public async Task AddDatasource_InvalidConfig_Returns400NamingTheField(string json, string expected)
    {
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/adddatasource", System.Text.Json.JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad_request", body.GetProperty("error").GetString());
        Assert.Contains(expected, body.Message(), StringComparison.Ordinal);
        Assert.Empty((await _emulator.GetStateAsync()).Datasources);
    }

    [Fact]
    public async Task AnyEndpoint_MalformedJson_Returns400()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/index/v1/adddatasource") { Content = content };
        request.Headers.Authorization = new("Bearer", GleanEmulatorFixture.IndexingToken);

        using var response = await _emulator.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetDatasourceConfig_Unknown_Returns400()
    {
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/getdatasourceconfig", new { datasource = "nothere" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not registered", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexDocuments_Valid_StoresAndCountsThem()
    {
        await _emulator.AddDatasourceAsync("docs");

        var (status, _, _) = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 5) });

        Assert.Equal(HttpStatusCode.OK, status);
        var (_, debug, _) = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);
        var indexed = debug.GetProperty("documents").GetProperty("counts").GetProperty("indexed")[0];
        Assert.Equal("Document", indexed.GetProperty("objectType").GetString());
        Assert.Equal(5, indexed.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("datasource", "other", "differs from the request's datasource")]
    [InlineData("id", "", "id is required")]
    [InlineData("objectType", "Bad_Type", "must not contain spaces or underscores")]
    [InlineData("objectType", "Bad Type", "must not contain spaces or underscores")]
    [InlineData("viewURL", "https://elsewhere.example.org/x", "does not match the datasource urlRegex")]
    [InlineData("createdAt", 1_740_000_000_000L, "is not a time in epoch seconds")]
    public async Task IndexDocuments_InvalidDocument_Returns400AndStoresNothing(string field, object value, string expected)
    {
        await _emulator.AddDatasourceAsync("docs");
        var document = new Dictionary<string, object?>
        {
            ["datasource"] = "docs", ["id"] = "a", ["objectType"] = "Document", ["viewURL"] = "https://docs.example.com/a", ["createdAt"] = 1_740_000_000L,
        };
        document[field] = value;

        var (status, body, _) = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = new[] { EmulatorCalls.Document("docs", "ok"), document } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("documents[1]", body.Message(), StringComparison.Ordinal);
        Assert.Contains(expected, body.Message(), StringComparison.Ordinal);
        Assert.Equal(0, (await _emulator.GetDatasourceAsync("docs"))!.DocumentCount);
    }

    [Fact]
    public async Task IndexDocuments_IdOver200Characters_Returns400()
    {
        await _emulator.AddDatasourceAsync("docs");

        var (status, body, _) = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = new[] { EmulatorCalls.Document("docs", new string('x', 201)) } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 200", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexDocuments_ObjectTypeNotDefined_Returns400()
    {
        await _emulator.AddDatasourceAsync("docs", new[] { new { name = "Page" } });

        var (status, body, _) = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 1) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not defined by the datasource", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteDocument_PresentOrAbsent_Returns200()
    {
        await _emulator.AddDatasourceAsync("docs");
        await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 2) });

        var first = await _emulator.PostAsync("api/index/v1/deletedocument", new { datasource = "docs", objectType = "Document", id = "d0" });
        var again = await _emulator.PostAsync("api/index/v1/deletedocument", new { datasource = "docs", objectType = "Document", id = "d0" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(1, (await _emulator.GetDatasourceAsync("docs"))!.DocumentCount);
    }

    [Fact]
    public async Task DeleteDocument_MissingId_Returns400()
    {
        await _emulator.AddDatasourceAsync("docs");

        var (status, _, _) = await _emulator.PostAsync("api/index/v1/deletedocument", new { datasource = "docs", objectType = "Document" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task DebugDocument_KnownAndUnknown_ReportUploadAndIndexingStatus()
    {
        await _emulator.AddDatasourceAsync("docs");
        await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 1) });

        var known = await _emulator.PostAsync("api/index/v1/debug/docs/document", new { objectType = "Document", docId = "d0" });
        var unknown = await _emulator.PostAsync("api/index/v1/debug/docs/document", new { objectType = "Document", docId = "zz" });
        var invalid = await _emulator.PostAsync("api/index/v1/debug/docs/document", new { objectType = "Document" });

        Assert.Equal("INDEXED", known.Body.GetProperty("status").GetProperty("indexingStatus").GetString());
        Assert.Equal("UPLOADED", known.Body.GetProperty("status").GetProperty("uploadStatus").GetString());
        Assert.Equal("STATUS_UNKNOWN", unknown.Body.GetProperty("status").GetProperty("indexingStatus").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
    }

    [Fact]
    public async Task DebugStatus_UnknownDatasource_Returns400()
    {
        var (status, _, _) = await _emulator.PostAsync("api/index/v1/debug/nothere/status", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task BetaUsers_SetAndCleared_ChangeVisibility()
    {
        await _emulator.PostAsync("api/index/v1/adddatasource", new { name = "docs", urlRegex = "^https://docs\\.example\\.com/.*", isTestDatasource = true });

        var set = await _emulator.PostAsync("api/index/v1/betausers", new { datasource = "docs", emails = new[] { "se@example.com" } });
        var visibleToGroup = (await _emulator.PostAsync("api/index/v1/debug/docs/status", null)).Body.GetProperty("datasourceVisibility").GetString();
        await _emulator.PostAsync("api/index/v1/betausers", new { datasource = "docs", emails = Array.Empty<string>() });
        var hidden = (await _emulator.PostAsync("api/index/v1/debug/docs/status", null)).Body.GetProperty("datasourceVisibility").GetString();

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal("ENABLED_FOR_TEST_GROUP", visibleToGroup);
        Assert.Equal("NOT_ENABLED", hidden);
    }

    [Fact]
    public async Task BetaUsers_InvalidEmail_Returns400()
    {
        await _emulator.AddDatasourceAsync("docs");

        var (status, body, _) = await _emulator.PostAsync("api/index/v1/betausers", new { datasource = "docs", emails = new[] { "not-an-email" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not-an-email", body.Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData(GleanEmulatorFixture.ClientToken, HttpStatusCode.Forbidden)]
    public async Task IndexingEndpoint_BadToken_IsRefused(string? token, HttpStatusCode expected)
    {
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/adddatasource", new { name = "docs", urlRegex = "^x" }, token);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(body.Message()));
        Assert.Null(await _emulator.GetDatasourceAsync("docs"));
    }

    [Fact]
    public async Task Emulator_ConfiguredTokens_ReplaceTheDefaults()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.IndexingTokens = "alpha,beta");

        var alpha = await emulator.PostAsync("api/index/v1/adddatasource", new { name = "docs", urlRegex = "^x" }, "beta");
        var old = await emulator.PostAsync("api/index/v1/adddatasource", new { name = "docs", urlRegex = "^x" }, GleanEmulatorFixture.IndexingToken);

        Assert.Equal(HttpStatusCode.OK, alpha.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, old.Status);
    }

    [Fact]
    public async Task RequestBody_OverTheLimit_Returns413()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.MaxRequestBytes = 2048);
        await emulator.AddDatasourceAsync("docs");

        var (status, _, _) = await emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 50) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }
}
