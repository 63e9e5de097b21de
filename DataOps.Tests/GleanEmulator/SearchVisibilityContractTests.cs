using System.Net;
using DataOps.GleanEmulator;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.GleanEmulator;

/// <summary>
/// A search is made as a user, as Glean makes it: who the token searches as, which datasources that user sees (a test
/// datasource only its beta users) and which documents the permissions admit. Every test here passed no search through
/// the old emulator, which searched as nobody in particular and showed everything.
/// </summary>
public sealed class SearchVisibilityContractTests : IAsyncLifetime
{
    private const string SeToken = "se-token";
    private const string Se = "se@acme.example.com";
    private const string Stranger = "someone@globex.example.com";
    private GleanEmulatorFixture _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await GleanEmulatorFixture.StartAsync(o => o.ClientTokens = $"{GleanEmulatorFixture.ClientToken}={GleanEmulatorFixture.SearchUser},{SeToken}={Se}");
        await _emulator.AddDatasourceAsync("open");
        await IndexAsync("open", EmulatorCalls.Document("open", "open-1", title: "Payments runbook"));
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/adddatasource", new
        {
            name = "trial",
            displayName = "trial",
            datasourceCategory = "PUBLISHED_CONTENT",
            urlRegex = "^https://docs\\.example\\.com/.*",
            isTestDatasource = true,
        });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        await IndexAsync("trial", EmulatorCalls.Document("trial", "trial-1", title: "Payments runbook"));
    }

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task Search_GlobalTokenWithoutActAs_IsRefused()
    {
        var (status, body, _) = await _emulator.SearchAsync(new { query = "payments" }, GleanEmulatorFixture.GlobalClientToken);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("X-Glean-ActAs", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UserScopedTokenWithActAs_IsRefused()
    {
        var (status, body, _) = await _emulator.SearchAsync(new { query = "payments" }, GleanEmulatorFixture.ClientToken, actAs: Se);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("X-Glean-ActAs must be empty", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OAuthAuthType_IsNotModelled()
    {
        var (status, _, _) = await _emulator.PostAsync(
            "rest/api/v1/search", new { query = "payments" }, GleanEmulatorFixture.ClientToken, new Dictionary<string, string> { ["X-Glean-Auth-Type"] = "OAUTH" });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Search_TestDatasourceWithoutBetaUsers_IsSeenByNobody()
    {
        var (_, asUser, _) = await _emulator.SearchAsync(new { query = "payments" });
        var (_, asGlobal, _) = await _emulator.SearchAsync(new { query = "payments" }, GleanEmulatorFixture.GlobalClientToken, actAs: Se);

        Assert.Equal("NOT_ENABLED", (await _emulator.GetDatasourceAsync("trial"))!.Visibility);
        Assert.Equal(["open-1"], asUser.ResultIds());
        Assert.Equal(["open-1"], asGlobal.ResultIds());
    }

    [Fact]
    public async Task Search_TestDatasource_IsSeenByItsBetaUsersOnly_WhicheverTokenNamesThem()
    {
        await SetBetaUsersAsync("trial", Se);

        var (_, viaUserToken, _) = await _emulator.SearchAsync(new { query = "payments" }, SeToken);
        var (_, viaGlobalToken, _) = await _emulator.SearchAsync(new { query = "payments" }, GleanEmulatorFixture.GlobalClientToken, actAs: Se.ToUpperInvariant());
        var (_, stranger, _) = await _emulator.SearchAsync(new { query = "payments" }, GleanEmulatorFixture.GlobalClientToken, actAs: Stranger);
        var (_, validator, _) = await _emulator.SearchAsync(new { query = "payments", requestOptions = new { facetBucketSize = 10, datasourceFilter = "trial" } });

        Assert.Equal(["open-1", "trial-1"], viaUserToken.ResultIds());
        Assert.Equal(["open-1", "trial-1"], viaGlobalToken.ResultIds());
        Assert.Equal(["open-1"], stranger.ResultIds());
        Assert.Empty(validator.ResultIds());
    }

    [Fact]
    public async Task Search_DisconnectedTestDatasource_IsInvisibleToItsFormerBetaUsers()
    {
        await SetBetaUsersAsync("trial", Se);
        var (_, before, _) = await _emulator.SearchAsync(new { query = "payments" }, SeToken);

        await SetBetaUsersAsync("trial");
        var (_, after, _) = await _emulator.SearchAsync(new { query = "payments" }, SeToken);

        Assert.Contains("trial-1", before.ResultIds());
        Assert.Equal(["open-1"], after.ResultIds());
    }

    [Fact]
    public async Task Search_DocumentPermissions_AdmitOnlyTheUsersTheyName()
    {
        await IndexAsync(
            "open",
            Permissioned("p-all", new { allowAllDatasourceUsersAccess = true }),
            Permissioned("p-anonymous", new { allowAnonymousAccess = true }),
            Permissioned("p-se", new { allowedUsers = new[] { new { email = Se } } }),
            Permissioned("p-group", new { allowedGroups = new[] { "acme-se" } }),
            Permissioned("p-none", null));

        var (_, se, _) = await _emulator.SearchAsync(new { query = "ledger" }, SeToken);
        var (_, stranger, _) = await _emulator.SearchAsync(new { query = "ledger" }, GleanEmulatorFixture.GlobalClientToken, actAs: Stranger);

        Assert.Equal(["p-all", "p-anonymous", "p-se"], se.ResultIds().Order(StringComparer.Ordinal));
        Assert.Equal(["p-all", "p-anonymous"], stranger.ResultIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_SeveralTerms_FindsOnlyDocumentsCarryingEveryTerm()
    {
        await IndexAsync(
            "open",
            EmulatorCalls.Document("open", "open-2", title: "Payments roadmap", body: "Quarterly goals"),
            EmulatorCalls.Document("open", "open-3", title: "Runbook index", body: "Every runbook we keep"));

        var (_, body, _) = await _emulator.SearchAsync(new { query = "payments runbook" });

        Assert.Equal(["open-1"], body.ResultIds());
    }

    [Fact]
    public void Start_UserScopedTokenWithoutItsUser_IsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GleanEmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o => o.ClientTokens = "bare-token"));

        Assert.Contains("Emulator:ClientTokens", error.Message, StringComparison.Ordinal);
    }

    private static object Permissioned(string id, object? permissions) => new
    {
        datasource = "open",
        id,
        objectType = "Document",
        title = "Ledger " + id,
        viewURL = $"https://docs.example.com/{id}",
        permissions,
    };

    private async Task IndexAsync(string datasource, params object[] documents)
    {
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource, documents });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    private async Task SetBetaUsersAsync(string datasource, params string[] emails)
    {
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/betausers", new { datasource, emails });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }
}
