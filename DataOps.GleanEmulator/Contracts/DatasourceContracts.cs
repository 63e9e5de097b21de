using System.Text.Json.Serialization;

namespace DataOps.GleanEmulator.Contracts;

/// <summary>Glean's <c>CustomDatasourceConfig</c>: only <c>name</c> is required.</summary>
internal sealed record CustomDatasourceConfig
{
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? DatasourceCategory { get; init; }

    public string? UrlRegex { get; init; }

    public string? IconUrl { get; init; }

    public IReadOnlyList<ObjectDefinition>? ObjectDefinitions { get; init; }

    public bool? IsUserReferencedByEmail { get; init; }

    public bool? IsTestDatasource { get; init; }
}

internal sealed record ObjectDefinition
{
    public string? Name { get; init; }

    public string? DisplayLabel { get; init; }

    public string? DocCategory { get; init; }

    public IReadOnlyList<PropertyDefinition>? PropertyDefinitions { get; init; }
}

internal sealed record PropertyDefinition
{
    public string? Name { get; init; }

    public string? DisplayLabel { get; init; }

    public string? PropertyType { get; init; }
}

internal sealed record DatasourceRequest(string? Datasource);

internal sealed record BetaUsersRequest(string? Datasource, IReadOnlyList<string>? Emails);

/// <summary>The error body Glean sends where it sends one.</summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message);
