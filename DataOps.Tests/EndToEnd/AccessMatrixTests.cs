using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Access;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.Testing;
using DataOps.Tests.Domain;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// Every HTTP route against every kind of caller: no credential, expired, wrong audience, wrong signature, unsigned and
/// tampered tokens, a Reader, an Engineer of client A (by token and by App Service's principal), an Engineer of client B,
/// an Operator and a function key. Each cell must answer its exact status; every refusal (401, 403, 404) together must
/// leave storage unchanged; and no credential ever reaches a log line.
/// </summary>
public sealed class AccessMatrixTests(AzuriteFixture azurite)
{
    private const string DatasetA = "ds-acme-1";
    private const string DatasetB = "ds-globex-1";
    private const string ClientA = "acme";
    private const string ClientB = "globex";

    private static readonly string SigningKey = DevTokens.NewSigningKey();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Who calls.</summary>
    public enum Credential
    {
        None,
        Expired,
        WrongAudience,
        WrongSignature,
        Unsigned,
        Tampered,
        Reader,
        EngineerA,
        EngineerB,
        Operator,
        FunctionKey,
        AppServiceEngineerA,
    }

    /// <summary>How a route decides access.</summary>
    private enum Rule
    {
        Anonymous,
        ManagementApi,
        SignedIn,
        EstateRead,
        OperatorOnly,
        Provision,
        DatasetRead,
        DatasetWork,
        DatasetOperate,
    }

    /// <summary>One route: the template the function declares, the request sent, and what an allowed caller gets.</summary>
    private sealed record Route(string Method, string Template, string Path, string? Body, Rule Rule, HttpStatusCode Allowed);

    private static readonly string ProvisionA = $$"""{"journeyId":"j-acme","clientId":"{{ClientA}}","clientName":"ACME","industry":"healthcare","useCase":"clinical_workflows","stage":"sandbox","datasetTypes":["confluence_pages"],"requestedBy":"someone-else@example.com"}""";

    /// <summary>
    /// Every route, each with a request an allowed caller gets a known answer to without changing anything: client A's
    /// dataset is VALIDATING, so validate and retry answer 409, provisioning its held slot answers 409, and the
    /// teardown commands carry a body that fails validation (400), which is only read once access is granted.
    /// </summary>
    private static readonly Route[] Routes =
    [
        new("POST", "datasets/provision", "api/datasets/provision", ProvisionA, Rule.Provision, HttpStatusCode.Conflict),
        new("GET", "datasets", "api/datasets", null, Rule.SignedIn, HttpStatusCode.OK),
        new("GET", "datasets/{id}", $"api/datasets/{DatasetA}", null, Rule.DatasetRead, HttpStatusCode.OK),
        new("POST", "datasets/{id}/validate", $"api/datasets/{DatasetA}/validate", null, Rule.DatasetWork, HttpStatusCode.Conflict),
        new("POST", "datasets/{id}/teardown", $"api/datasets/{DatasetA}/teardown", """{"reason":"bogus"}""", Rule.DatasetOperate, HttpStatusCode.BadRequest),
        new("POST", "datasets/{id}/retry", $"api/datasets/{DatasetA}/retry", "{}", Rule.DatasetWork, HttpStatusCode.Conflict),
        new("POST", "datasets/retry", "api/datasets/retry", $$"""{"clientId":"{{ClientA}}"}""", Rule.OperatorOnly, HttpStatusCode.OK),
        new("GET", "datasets/{id}/timeline", $"api/datasets/{DatasetA}/timeline", null, Rule.DatasetRead, HttpStatusCode.OK),
        new("GET", "datasets/{id}/archive", $"api/datasets/{DatasetA}/archive", null, Rule.DatasetRead, HttpStatusCode.OK),
        new("GET", "datasets/{id}/orchestrations", $"api/datasets/{DatasetA}/orchestrations", null, Rule.DatasetRead, HttpStatusCode.OK),
        new("GET", "datasets/{id}/quality", $"api/datasets/{DatasetA}/quality", null, Rule.DatasetRead, HttpStatusCode.OK),
        new("GET", "quality/trends", "api/quality/trends", null, Rule.SignedIn, HttpStatusCode.OK),
        new("GET", "teardowns", "api/teardowns", null, Rule.SignedIn, HttpStatusCode.OK),
        new("POST", "teardowns/{id}/cancel", $"api/teardowns/{DatasetA}/cancel", "{}", Rule.DatasetOperate, HttpStatusCode.BadRequest),
        new("POST", "teardowns/{id}/extend", $"api/teardowns/{DatasetA}/extend", "{}", Rule.DatasetOperate, HttpStatusCode.BadRequest),
        new("POST", "teardowns/{id}/terminate", $"api/teardowns/{DatasetA}/terminate", "{}", Rule.DatasetOperate, HttpStatusCode.BadRequest),
        new("GET", "operations/scans", "api/operations/scans", null, Rule.EstateRead, HttpStatusCode.OK),
        new("GET", "operations/summary", "api/operations/summary", null, Rule.EstateRead, HttpStatusCode.OK),
        new("GET", "operations/metrics", "api/operations/metrics", null, Rule.EstateRead, HttpStatusCode.OK),
        new("GET", "reports", "api/reports", null, Rule.EstateRead, HttpStatusCode.OK),
        new("GET", "reports/{name}/{date}", "api/reports/orphaned_datasets_check/2026-01-01", null, Rule.EstateRead, HttpStatusCode.NotFound),
        new("POST", "reports/produce", "api/reports/produce", """{"report":"bogus"}""", Rule.OperatorOnly, HttpStatusCode.BadRequest),
        new("GET", "dashboard/{*path}", "api/dashboard/", null, Rule.Anonymous, HttpStatusCode.OK),
        new("GET", "templates", "api/templates", null, Rule.SignedIn, HttpStatusCode.OK),
        new("GET", "templates/{id}", "api/templates/healthcare.developer_productivity.confluence_pages", null, Rule.SignedIn, HttpStatusCode.OK),
        new("POST", "templates/recommend", "api/templates/recommend", """{"industry":"healthcare","useCase":"clinical_workflows","datasetTypes":["confluence_pages"]}""", Rule.SignedIn, HttpStatusCode.OK),
        new("POST", "templates/discover", "api/templates/discover", null, Rule.OperatorOnly, HttpStatusCode.OK),
        new("GET", "health", "api/health", null, Rule.Anonymous, HttpStatusCode.OK),
        new("GET", "openapi.json", "api/openapi.json", null, Rule.Anonymous, HttpStatusCode.OK),
        new("GET", "docs/{*path}", "api/docs/", null, Rule.Anonymous, HttpStatusCode.OK),
        new("GET", "me", "api/me", null, Rule.SignedIn, HttpStatusCode.OK),
        new("GET", "runtime/webhooks/durabletask/instances/{id}", "runtime/webhooks/durabletask/instances/provision:j-acme:sandbox", null, Rule.ManagementApi, HttpStatusCode.NotFound),
    ];

    [Fact]
    public async Task EveryRouteAndCaller_AnswersItsStatus_RefusalsWriteNothing_AndNoCredentialIsLogged()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        var logs = new ConcurrentQueue<string>();
        var settings = Settings(appService: true);
        // Everything that could see a credential logs at its most talkative: the authentication handlers, the app, the host.
        settings["logging:logLevel:default"] = "Debug";
        settings["logging:logLevel:Microsoft.AspNetCore"] = "Trace";
        settings["logging:logLevel:DataOps"] = "Trace";
        await using var app = await DataOpsApp.StartAsync(azurite.ConnectionString, settings, configure: b =>
        {
            b.Logging.AddProvider(new CollectingLoggerProvider(logs));
            b.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        await SeedAsync(app);
        var credentials = Credentials(app);

        // The matrix covers exactly the HTTP functions the host indexed from the app, plus the management API.
        var indexed = app.Host.Functions.Select(f => f.Trigger).OfType<HttpTriggerDefinition>()
            .SelectMany(t => t.Methods.Select(m => $"{m.ToUpperInvariant()} {t.Route}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(indexed, Routes.Where(r => r.Rule != Rule.ManagementApi).Select(r => $"{r.Method} {r.Template}").Order(StringComparer.Ordinal).ToList());

        var volatileItems = BadInputCampaignTests.VolatileItems(app);
        await BadInputCampaignTests.SettleAsync(app, azurite.ConnectionString, volatileItems);
        var before = await StorageSnapshot.CaptureAsync(azurite.ConnectionString, volatileItems, Ct);

        var cells = Routes.SelectMany(r => Enum.GetValues<Credential>().Select(c => (Route: r, Credential: c, Expected: Expected(r, c)))).ToList();
        var refusals = cells.Where(c => c.Expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound && c.Route.Rule != Rule.ManagementApi).ToList();
        var failures = new List<string>();
        using var http = new HttpClient { BaseAddress = app.Host.BaseAddress };
        foreach (var cell in refusals)
        {
            failures.AddRange(await CheckAsync(http, cell.Route, cell.Credential, credentials, cell.Expected));
        }

        var after = await StorageSnapshot.CaptureAsync(azurite.ConnectionString, volatileItems, Ct);
        var changes = after.Diff(before);

        foreach (var cell in cells.Except(refusals))
        {
            failures.AddRange(await CheckAsync(http, cell.Route, cell.Credential, credentials, cell.Expected));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} cells answered wrong:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.True(changes.Count == 0, $"the {refusals.Count} refusals changed storage:{Environment.NewLine}{string.Join(Environment.NewLine, changes)}");

        var secrets = credentials.Values.OfType<Presented>().SelectMany(p => p.Secrets).Append(SigningKey).Where(s => s.Length >= 16).Distinct().ToList();
        var lines = logs.ToList();
        Assert.Contains(lines, l => l.Contains("JwtBearer", StringComparison.Ordinal));
        var leaks = lines.Where(l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines carry a credential:{Environment.NewLine}{string.Join(Environment.NewLine, leaks.Take(5))}");
    }

    [Fact]
    public async Task EngineerOfB_SeesOnlyItsClient_InListsAndWhoAmI()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, Settings(appService: false));
        await SeedAsync(app);
        var credentials = Credentials(app);
        using var http = new HttpClient { BaseAddress = app.Host.BaseAddress };

        var all = await GetAsync(http, "api/datasets", credentials[Credential.EngineerB]);
        Assert.Equal([DatasetB], all.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("datasetId").GetString()).ToList());
        var asked = await GetAsync(http, $"api/datasets?clientId={ClientA}", credentials[Credential.EngineerB]);
        Assert.Empty(asked.GetProperty("items").EnumerateArray());
        var everyone = await GetAsync(http, "api/datasets", credentials[Credential.Reader]);
        Assert.Equal(2, everyone.GetProperty("items").GetArrayLength());

        var me = await GetAsync(http, "api/me", credentials[Credential.EngineerB]);
        Assert.Equal([ClientB], me.GetProperty("clients").EnumerateArray().Select(c => c.GetString()).ToList());
        Assert.Equal([AccessRoleNames.Engineer], me.GetProperty("roles").EnumerateArray().Select(c => c.GetString()).ToList());
        Assert.False(me.GetProperty("may").GetProperty("teardown").GetBoolean());
        Assert.True(me.GetProperty("may").GetProperty("provision").GetBoolean());
    }

    [Fact]
    public async Task EngineerProvisions_CommandRecordsTheTokensCaller_AndRequestedByComesFromTheToken()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, Settings(appService: false));
        var token = Token(AccessRoleNames.Engineer, [ClientA], "se-a@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/datasets/provision")
        {
            Content = new StringContent(ProvisionA.Replace("j-acme", "j-acme-audit", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var http = new HttpClient { BaseAddress = app.Host.BaseAddress };

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var audit = await app.Service<DataOps.Functions.Registry.AuditLog>().ReadAsync("j-acme-audit", Ct);
        var issued = Assert.Single(audit, a => a.EventType == CommandIssued.TypeName);
        using var payload = JsonDocument.Parse(issued.Payload);
        var by = payload.RootElement.GetProperty("issuedBy");
        Assert.Equal("se-a@example.com", by.GetProperty("name").GetString());
        Assert.Equal("bearer_token", by.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(by.GetProperty("objectId").GetString()));
        Assert.Equal("provision", payload.RootElement.GetProperty("command").GetString());
        var instance = await app.Durable.GetInstanceAsync("provision:j-acme-audit:sandbox", true, Ct);
        Assert.Contains("\"requestedBy\":\"se-a@example.com\"", instance!.SerializedInput, StringComparison.Ordinal);
        Assert.DoesNotContain("someone-else@example.com", instance.SerializedInput, StringComparison.Ordinal);
        await app.WaitForCompletionAsync(instance.InstanceId);
    }

    [Fact]
    public async Task ByDefault_DevelopmentTokensAreRefused_AndThePrincipalHeaderIsIgnored()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var credentials = Credentials(app);
        using var http = new HttpClient { BaseAddress = app.Host.BaseAddress };

        foreach (var credential in new[] { Credential.Operator, Credential.AppServiceEngineerA })
        {
            Assert.Empty(await CheckAsync(http, new Route("GET", "me", "api/me", null, Rule.SignedIn, HttpStatusCode.OK), credential, credentials, HttpStatusCode.Unauthorized));
        }

        Assert.Empty(await CheckAsync(http, new Route("GET", "me", "api/me", null, Rule.SignedIn, HttpStatusCode.OK), Credential.FunctionKey, credentials, HttpStatusCode.OK));
    }

    private static Dictionary<string, string?> Settings(bool appService) => new()
    {
        ["DataOps:Auth:DevSigningKey"] = SigningKey,
        ["DataOps:Auth:AppServiceAuthentication"] = appService ? "true" : "false",
        ["AzureWebJobs.OrphanScanTimer.Disabled"] = "true",
        ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
        ["AzureWebJobs.RetentionPurge.Disabled"] = "true",
        ["AzureWebJobs.DatasetsByStageByClientReportTimer.Disabled"] = "true",
        ["AzureWebJobs.DataQualityTrendsReportTimer.Disabled"] = "true",
        ["AzureWebJobs.ConnectorHealthSummaryReportTimer.Disabled"] = "true",
        ["AzureWebJobs.OrphanedDatasetsCheckReportTimer.Disabled"] = "true",
    };

    private static async Task SeedAsync(DataOpsApp app)
    {
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId(DatasetA).ForClient(ClientA, "ACME").ForJourney("j-acme").BuildIn(DatasetStatus.Validating), Ct);
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId(DatasetB).ForClient(ClientB, "Globex").ForJourney("j-globex").BuildIn(DatasetStatus.Validating), Ct);
    }

    private static HttpStatusCode Expected(Route route, Credential credential)
    {
        var invalid = credential is Credential.None or Credential.Expired or Credential.WrongAudience or Credential.WrongSignature or Credential.Unsigned or Credential.Tampered;
        var engineerA = credential is Credential.EngineerA or Credential.AppServiceEngineerA;
        var everything = credential is Credential.Operator or Credential.FunctionKey;
        const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
        const HttpStatusCode NotFound = HttpStatusCode.NotFound;
        if (route.Rule == Rule.Anonymous)
        {
            return route.Allowed;
        }

        if (route.Rule == Rule.ManagementApi)
        {
            // The Durable management API stays the host's and takes function keys only.
            return credential == Credential.FunctionKey ? route.Allowed : HttpStatusCode.Unauthorized;
        }

        if (invalid)
        {
            return HttpStatusCode.Unauthorized;
        }

        if (everything)
        {
            return route.Allowed;
        }

        var reader = credential == Credential.Reader;
        return route.Rule switch
        {
            Rule.SignedIn => route.Allowed,
            Rule.EstateRead => reader ? route.Allowed : Forbidden,
            Rule.OperatorOnly => Forbidden,
            Rule.Provision => engineerA ? route.Allowed : Forbidden,
            Rule.DatasetRead => reader || engineerA ? route.Allowed : NotFound,
            Rule.DatasetWork => engineerA ? route.Allowed : reader ? Forbidden : NotFound,
            Rule.DatasetOperate => reader || engineerA ? Forbidden : NotFound,
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };
    }

    /// <summary>A credential as sent: its headers, and every value that must never be logged.</summary>
    private sealed record Presented(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> Secrets);

    private static Dictionary<Credential, Presented?> Credentials(DataOpsApp app)
    {
        var reader = Token(AccessRoleNames.Reader, [], "auditor@example.com");
        var tamperedParts = reader.Split('.');
        var escalated = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = DevTokens.Issuer,
            ["aud"] = AccessOptions.DefaultAudience,
            ["name"] = "auditor@example.com",
            ["roles"] = new[] { AccessRoleNames.Operator },
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        });
        var tampered = $"{tamperedParts[0]}.{Base64UrlEncoder.Encode(escalated)}.{tamperedParts[2]}";
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevTokens.Issuer,
            Audience = AccessOptions.DefaultAudience,
            Claims = new Dictionary<string, object> { ["roles"] = new[] { AccessRoleNames.Operator }, ["name"] = "nobody" },
            Expires = DateTime.UtcNow.AddHours(1),
        });
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = new[]
            {
                new { typ = "roles", val = AccessRoleNames.Engineer },
                new { typ = AccessRoleNames.ClientsClaim, val = ClientA },
                new { typ = "name", val = "se-a@example.com" },
                new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = Guid.NewGuid().ToString() },
            },
        })));
        return new()
        {
            [Credential.None] = null,
            [Credential.Expired] = Bearer(DevTokens.Mint(SigningKey, AccessOptions.DefaultAudience, "late@example.com", [AccessRoleNames.Operator], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3))),
            [Credential.WrongAudience] = Bearer(DevTokens.Mint(SigningKey, "api://another-app", "other@example.com", [AccessRoleNames.Operator], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow)),
            [Credential.WrongSignature] = Bearer(DevTokens.Mint(DevTokens.NewSigningKey(), AccessOptions.DefaultAudience, "forger@example.com", [AccessRoleNames.Operator], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow)),
            [Credential.Unsigned] = Bearer(unsigned),
            [Credential.Tampered] = Bearer(tampered),
            [Credential.Reader] = Bearer(reader),
            [Credential.EngineerA] = Bearer(Token(AccessRoleNames.Engineer, [ClientA], "se-a@example.com")),
            [Credential.EngineerB] = Bearer(Token(AccessRoleNames.Engineer, [ClientB], "se-b@example.com")),
            [Credential.Operator] = Bearer(Token(AccessRoleNames.Operator, [], "ops@example.com")),
            [Credential.FunctionKey] = new(new Dictionary<string, string> { ["x-functions-key"] = DataOpsApp.Key }, [DataOpsApp.Key]),
            [Credential.AppServiceEngineerA] = new(new Dictionary<string, string> { [AppServicePrincipal.HeaderName] = principal }, [principal]),
        };

        static Presented Bearer(string token) => new(new Dictionary<string, string> { ["Authorization"] = "Bearer " + token }, [token, .. token.Split('.').Skip(1).Where(p => p.Length > 0)]);
    }

    private static string Token(string role, string[] clients, string name)
        => DevTokens.Mint(SigningKey, AccessOptions.DefaultAudience, name, [role], clients, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    private static async Task<List<string>> CheckAsync(HttpClient http, Route route, Credential credential, Dictionary<Credential, Presented?> credentials, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        foreach (var (name, value) in credentials[credential]?.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (route.Body is not null)
        {
            request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var failures = new List<string>();
        if (response.StatusCode != expected)
        {
            failures.Add($"{route.Method} {route.Path} as {credential}: {(int)response.StatusCode}, expected {(int)expected}: {(text.Length > 200 ? text[..200] : text)}");
        }
        else if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{route.Method} {route.Path} as {credential}: the refusal is not problem details");
        }

        return failures;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path, Presented? credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in credential!.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    /// <summary>Keeps every formatted log line with its exception, to look for credentials in them.</summary>
    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
