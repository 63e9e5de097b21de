namespace DataOps.Glean.Wire;

// Glean's wire shapes (glean-api.md). Internal: the rest of the product sees only the connector model.

internal sealed record CustomDatasourceConfig
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public string? DatasourceCategory { get; init; }

    public string? UrlRegex { get; init; }

    public string? IconUrl { get; init; }

    public IReadOnlyList<ObjectDefinition>? ObjectDefinitions { get; init; }

    public bool? IsUserReferencedByEmail { get; init; }

    public bool? IsTestDatasource { get; init; }
}

internal sealed record ObjectDefinition(string Name, string? DisplayLabel, string? DocCategory, IReadOnlyList<PropertyDefinition>? PropertyDefinitions);

internal sealed record PropertyDefinition(string Name, string? DisplayLabel, string PropertyType);

internal sealed record DatasourceRequest(string Datasource);

internal sealed record BetaUsersRequest(string Datasource, IReadOnlyList<string> Emails);

internal sealed record GleanErrorBody(string? Error, string? Message);
