using System.Text.Json.Nodes;
using DataOps.Functions.Access;
using Microsoft.OpenApi;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// Builds the API's OpenAPI document: every HTTP function the assembly declares (<see cref="ApiRoute"/>), described by
/// <see cref="ApiOperations"/>, with the app's two ways to sign in as security schemes.
/// </summary>
internal static class ApiDocument
{
    public const string FunctionKeyHeader = "functionKey";
    public const string FunctionKeyQuery = "functionKeyQuery";
    public const string BearerToken = "bearerToken";
    public const string RolesExtension = "x-dataops-roles";
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>The document for <paramref name="access"/>'s sign-in settings.</summary>
    /// <exception cref="InvalidOperationException">An HTTP function has no description.</exception>
    public static OpenApiDocument Build(AccessOptions access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "DataOps Lifecycle API",
                Version = "1",
                Description = "Provision, validate, retry and tear down Glean datasets. Every route but the anonymous ones takes a function key or a bearer token; the roles that may call each operation are in its description and in x-dataops-roles.",
            },
            Servers = [new OpenApiServer { Url = "/api" }],
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = ApiSchemas.All(),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
                {
                    [FunctionKeyHeader] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = FunctionKeyCheck.HeaderName, Description = "A function key: a service with operator rights." },
                    [FunctionKeyQuery] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = FunctionKeyCheck.QueryName, Description = "A function key in the query string (prefer the header)." },
                    [BearerToken] = Bearer(access),
                },
            },
        };
        foreach (var (name, schema) in ApiResponseSchemas.All(document))
        {
            document.Components.Schemas.Add(name, schema);
        }

        document.Tags = new HashSet<OpenApiTag>(ApiOperations.ByFunction.Values.Select(o => o.Tag).Distinct(StringComparer.Ordinal).Select(t => new OpenApiTag { Name = t }));

        foreach (var route in ApiRoute.Discover(typeof(ApiDocument).Assembly))
        {
            if (!ApiOperations.ByFunction.TryGetValue(route.FunctionName, out var described))
            {
                throw new InvalidOperationException($"The HTTP function '{route.FunctionName}' ({route.Method} {route.Route}) has no API description.");
            }

            if (!document.Paths.TryGetValue(route.Path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[route.Path] = item;
            }

            ((OpenApiPathItem)item).AddOperation(new HttpMethod(route.Method), Operation(document, route, described));
        }

        return document;
    }

    private static OpenApiSecurityScheme Bearer(AccessOptions access) => string.IsNullOrWhiteSpace(access.Authority)
        ? new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = $"An Entra ID access token for {access.Audience} carrying app roles ({AccessRoleNames.Reader}, {AccessRoleNames.Engineer}, {AccessRoleNames.Operator})." }
        : new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OpenIdConnect,
            OpenIdConnectUrl = new Uri(access.Authority.TrimEnd('/') + "/.well-known/openid-configuration"),
            Description = $"An Entra ID access token from {access.Authority} for {access.Audience} carrying app roles ({AccessRoleNames.Reader}, {AccessRoleNames.Engineer}, {AccessRoleNames.Operator}).",
        };

    private static OpenApiOperation Operation(OpenApiDocument document, ApiRoute route, ApiOperation described)
    {
        var roles = described.Access.Roles();
        var operation = new OpenApiOperation
        {
            OperationId = route.FunctionName,
            Summary = described.Summary,
            Description = string.Join(" ", new[] { described.Description, "Access: " + described.Access.Rule, roles.Count == 0 ? null : "Roles: " + string.Join(", ", roles) + " (and a function key)." }.OfType<string>()),
            Tags = new HashSet<OpenApiTagReference> { new(described.Tag, document) },
            Parameters = [.. Parameters(route, described)],
            Responses = [],
            Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
            {
                [RolesExtension] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => (JsonNode)JsonValue.Create(r))])),
            },
        };
        if (described.Access.Allows is not null)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FunctionKeyHeader, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FunctionKeyQuery, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerToken, document)] = [] },
            ];
        }
        else
        {
            operation.Security = [];
        }

        if (described.Body is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = described.BodyRequired,
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(body, document) } },
            };
        }

        foreach (var success in described.Success)
        {
            var schema = success.Schema is null ? new OpenApiSchema { Type = JsonSchemaType.Object } : (IOpenApiSchema)new OpenApiSchemaReference(success.Schema, document);
            operation.Responses[Code(success.Status)] = new OpenApiResponse
            {
                Description = success.Description,
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
                {
                    [described.SuccessMediaType ?? "application/json"] = described.SuccessMediaType is null ? new OpenApiMediaType { Schema = schema } : new OpenApiMediaType(),
                },
            };
            if (described.AlternateMediaType is { } alternate)
            {
                operation.Responses[Code(success.Status)]!.Content![alternate] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        foreach (var status in described.Problems.Distinct().Order())
        {
            operation.Responses[Code(status)] = new OpenApiResponse
            {
                Description = ProblemDescription(status),
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
                {
                    [ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(status == 400 ? ApiSchemas.ValidationProblemDetails : ApiSchemas.ProblemDetails, document) },
                },
            };
        }

        return operation;
    }

    private static IEnumerable<IOpenApiParameter> Parameters(ApiRoute route, ApiOperation described)
    {
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(route.Path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value))
        {
            yield return new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Description = name == "id" && route.Route.StartsWith("templates", StringComparison.Ordinal) ? "The template's id." : name == "id" ? "The dataset's id." : "The file under the page." };
        }

        foreach (var query in described.Query)
        {
            IOpenApiSchema schema = query.Values is { } values ? ApiSchemas.Values(values, query.Description)
                : new OpenApiSchema { Type = query.Integer ? JsonSchemaType.Integer : JsonSchemaType.String };
            yield return new OpenApiParameter { Name = query.Name, In = ParameterLocation.Query, Required = false, Description = query.Description, Schema = schema };
        }
    }

    private static string Code(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ProblemDescription(int status) => status switch
    {
        400 => "The request is invalid: errors names every invalid field.",
        401 => "No credential, or one that does not hold.",
        403 => "The caller's roles do not allow this.",
        404 => "Not found (another client's dataset answers the same).",
        405 => "The path does not take this method.",
        409 => "The state does not allow it now.",
        413 => "The body is too large.",
        415 => "The body is not JSON in UTF-8.",
        _ => "A problem.",
    };
}
