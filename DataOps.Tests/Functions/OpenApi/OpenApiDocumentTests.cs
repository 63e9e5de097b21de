using System.Text.Json;
using DataOps.Functions.Access;
using DataOps.Functions.OpenApi;
using Microsoft.OpenApi;

namespace DataOps.Tests.Functions.OpenApi;

/// <summary>
/// The API description lists exactly the HTTP functions the build indexes (functions.metadata, written by the Worker
/// SDK next to the app), reads back without errors, offers both ways to sign in, and gives every operation its
/// problem responses.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string MetadataPath = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PathsAndMethods_EqualTheHttpFunctionsInTheMetadata()
    {
        var document = await RoundTripAsync(new AccessOptions());

        var described = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).Order(StringComparer.Ordinal);

        Assert.Equal(IndexedHttpFunctions(), described);
    }

    [Fact]
    public async Task Document_ReadsBackWithoutErrors_AsOpenApi31()
    {
        var json = await ApiDocument.Build(new AccessOptions()).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, Ct);

        var result = OpenApiDocument.Parse(json, "json");

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        Assert.NotEmpty(result.Document!.Paths);
    }

    [Fact]
    public async Task SecuritySchemes_AreTheFunctionKeyAndAJwtBearer_WithoutAnAuthority()
    {
        var schemes = (await RoundTripAsync(new AccessOptions())).Components!.SecuritySchemes!;

        Assert.Equal(SecuritySchemeType.ApiKey, schemes[ApiDocument.FunctionKeyHeader].Type);
        Assert.Equal(ParameterLocation.Header, schemes[ApiDocument.FunctionKeyHeader].In);
        Assert.Equal(FunctionKeyCheck.HeaderName, schemes[ApiDocument.FunctionKeyHeader].Name);
        Assert.Equal(ParameterLocation.Query, schemes[ApiDocument.FunctionKeyQuery].In);
        Assert.Equal(FunctionKeyCheck.QueryName, schemes[ApiDocument.FunctionKeyQuery].Name);
        Assert.Equal(SecuritySchemeType.Http, schemes[ApiDocument.BearerToken].Type);
        Assert.Equal("bearer", schemes[ApiDocument.BearerToken].Scheme);
        Assert.Equal("JWT", schemes[ApiDocument.BearerToken].BearerFormat);
    }

    [Fact]
    public async Task BearerScheme_PointsAtTheAuthority_WhenOneIsConfigured()
    {
        var schemes = (await RoundTripAsync(new AccessOptions { Authority = "https://login.microsoftonline.com/tenant/v2.0" })).Components!.SecuritySchemes!;

        Assert.Equal(SecuritySchemeType.OpenIdConnect, schemes[ApiDocument.BearerToken].Type);
        Assert.Equal("https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration", schemes[ApiDocument.BearerToken].OpenIdConnectUrl?.ToString());
    }

    [Fact]
    public async Task EveryOperation_ListsItsProblemResponses_AsProblemJson_AndItsSecurityAndRoles()
    {
        var document = await RoundTripAsync(new AccessOptions());

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var name = $"{method} {path}";
                var problems = operation.Responses!.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400 && r.Key != "503").ToList();
                Assert.True(problems.Count > 0, $"{name} lists no problem responses");
                Assert.All(problems, p => Assert.Contains(ApiDocument.ProblemMediaType, p.Value.Content!.Keys));
                Assert.Contains("405", operation.Responses!.Keys);
                var anonymous = operation.Security is null || operation.Security.Count == 0;
                if (!anonymous)
                {
                    Assert.Contains("401", operation.Responses!.Keys);
                    Assert.Equal(3, operation.Security!.Count);
                    Assert.True(operation.Extensions!.ContainsKey(ApiDocument.RolesExtension), $"{name} names no roles");
                }

                if (operation.RequestBody is not null)
                {
                    Assert.Contains("415", operation.Responses!.Keys);
                    Assert.Contains("400", operation.Responses!.Keys);
                }

                if (operation.Responses!.TryGetValue("400", out var invalid))
                {
                    Assert.Equal(ApiSchemas.ValidationProblemDetails, ((OpenApiSchemaReference)invalid.Content![ApiDocument.ProblemMediaType].Schema!).Reference.Id);
                }
            }
        }
    }

    [Fact]
    public async Task EveryJsonAnswer_NamesItsSchema_AndEveryRecordSchemaIsClosed()
    {
        var document = await RoundTripAsync(new AccessOptions());

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                foreach (var (status, response) in operation.Responses!.Where(r => r.Value.Content!.ContainsKey("application/json")))
                {
                    var schema = response.Content!["application/json"].Schema;
                    if (path == "/openapi.json")
                    {
                        continue;
                    }

                    Assert.True(schema is OpenApiSchemaReference, $"{method} {path} answers {status} with a JSON body the document does not describe");
                }
            }
        }

        var detail = document.Components!.Schemas![ApiResponseSchemas.DatasetDetail];
        Assert.Equal(["connector", "dataset", "qualityChecks"], detail.Required!.Order(StringComparer.Ordinal));
        Assert.False(detail.AdditionalPropertiesAllowed);
        var dataset = detail.Properties!["dataset"];
        Assert.Contains("qualityScore", dataset.Required!);
        Assert.True(dataset.Properties!["qualityScore"].Type!.Value.HasFlag(JsonSchemaType.Null), "a score not yet computed is null");
        Assert.False(dataset.Properties!["status"].Type!.Value.HasFlag(JsonSchemaType.Null), "a status is never null");
        Assert.Equal("date-time", dataset.Properties!["createdAt"].Format);
    }

    [Fact]
    public async Task Roles_ComeFromTheCallersRights()
    {
        var json = await ApiDocument.Build(new AccessOptions()).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, Ct);
        using var parsed = JsonDocument.Parse(json);
        var paths = parsed.RootElement.GetProperty("paths");

        string[] RolesOf(string path, string method) =>
            [.. paths.GetProperty(path).GetProperty(method).GetProperty(ApiDocument.RolesExtension).EnumerateArray().Select(r => r.GetString()!)];

        Assert.Equal([AccessRoleNames.Operator], RolesOf("/datasets/{id}/teardown", "post"));
        Assert.Equal([AccessRoleNames.Engineer, AccessRoleNames.Operator], RolesOf("/datasets/provision", "post"));
        Assert.Equal([AccessRoleNames.Reader, AccessRoleNames.Operator], RolesOf("/operations/summary", "get"));
        Assert.Equal([AccessRoleNames.Reader, AccessRoleNames.Engineer, AccessRoleNames.Operator], RolesOf("/datasets", "get"));
        Assert.Empty(RolesOf("/health", "get"));
        var provision = parsed.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(ApiSchemas.ProvisionRequest);
        Assert.Contains("datasetTypes", provision.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("sandbox", provision.GetProperty("properties").GetProperty("stage").GetProperty("enum").EnumerateArray().Select(r => r.GetString()));
    }

    private static async Task<OpenApiDocument> RoundTripAsync(AccessOptions options)
    {
        var json = await ApiDocument.Build(options).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, Ct);
        var result = OpenApiDocument.Parse(json, "json");
        Assert.Empty(result.Diagnostic!.Errors);
        return result.Document!;
    }

    /// <summary>"METHOD /route" for every HTTP function in functions.metadata, a catch-all written as OpenAPI writes it.</summary>
    private static List<string> IndexedHttpFunctions()
    {
        Assert.True(File.Exists(MetadataPath), $"{MetadataPath} is missing: building DataOps.Functions writes it.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        return [.. metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /{b.GetProperty("route").GetString()!.Trim('/').Replace("{*", "{", StringComparison.Ordinal)}"))
            .Order(StringComparer.Ordinal)];
    }
}
