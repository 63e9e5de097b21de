using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.GleanEmulator.Contracts;

/// <summary>Glean's <c>DocumentDefinition</c>; timestamps are epoch seconds.</summary>
internal sealed record DocumentDefinition
{
    public string? Datasource { get; init; }

    public string? Id { get; init; }

    public string? ObjectType { get; init; }

    public string? Title { get; init; }

    [JsonPropertyName("viewURL")]
    public string? ViewUrl { get; init; }

    public ContentDefinition? Body { get; init; }

    public ContentDefinition? Summary { get; init; }

    public UserReference? Author { get; init; }

    public UserReference? Owner { get; init; }

    public DocumentPermissions? Permissions { get; init; }

    public long? CreatedAt { get; init; }

    public long? UpdatedAt { get; init; }

    public string? Container { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<CustomProperty>? CustomProperties { get; init; }
}

internal sealed record ContentDefinition(string? MimeType, string? TextContent);

internal sealed record UserReference(string? Email, string? Name);

internal sealed record DocumentPermissions
{
    public bool? AllowAnonymousAccess { get; init; }

    public bool? AllowAllDatasourceUsersAccess { get; init; }

    public IReadOnlyList<UserReference>? AllowedUsers { get; init; }

    public IReadOnlyList<string>? AllowedGroups { get; init; }
}

internal sealed record CustomProperty(string? Name, JsonElement? Value);

internal sealed record BulkIndexDocumentsRequest
{
    public string? UploadId { get; init; }

    public string? Datasource { get; init; }

    public IReadOnlyList<DocumentDefinition>? Documents { get; init; }

    public bool IsFirstPage { get; init; }

    public bool IsLastPage { get; init; }

    public bool ForceRestartUpload { get; init; }

    public bool DisableStaleDocumentDeletionCheck { get; init; }
}

internal sealed record IndexDocumentsRequest(string? Datasource, IReadOnlyList<DocumentDefinition>? Documents);

internal sealed record DeleteDocumentRequest(string? Datasource, string? ObjectType, string? Id);
