using System.Text.Json.Serialization;

namespace DataOps.Glean.Wire;

internal sealed record DocumentDefinition
{
    public required string Datasource { get; init; }

    public required string Id { get; init; }

    public required string ObjectType { get; init; }

    public string? Title { get; init; }

    [JsonPropertyName("viewURL")]
    public required string ViewUrl { get; init; }

    public ContentDefinition? Body { get; init; }

    public ContentDefinition? Summary { get; init; }

    public UserReference? Author { get; init; }

    public UserReference? Owner { get; init; }

    public required DocumentPermissions Permissions { get; init; }

    public long? CreatedAt { get; init; }

    public long? UpdatedAt { get; init; }

    public string? Container { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<CustomProperty>? CustomProperties { get; init; }
}

internal sealed record ContentDefinition(string MimeType, string TextContent);

internal sealed record UserReference(string? Email, string? Name);

internal sealed record DocumentPermissions
{
    public bool? AllowAnonymousAccess { get; init; }

    public bool? AllowAllDatasourceUsersAccess { get; init; }

    public IReadOnlyList<UserReference>? AllowedUsers { get; init; }

    public IReadOnlyList<string>? AllowedGroups { get; init; }
}

/// <summary>A custom property; the value is a string, a number or a list of strings.</summary>
internal sealed record CustomProperty(string Name, object Value);

internal sealed record DeleteDocumentRequest(string Datasource, string ObjectType, string Id);

internal sealed record DebugDocumentRequest(string ObjectType, string DocId);
