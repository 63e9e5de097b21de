using DataOps.GleanEmulator.Contracts;

namespace DataOps.GleanEmulator.State;

/// <summary>A document as held by a datasource, with the time it was uploaded and indexed.</summary>
internal sealed record StoredDocument(DocumentDefinition Definition, DateTimeOffset UploadedAt, string? UploadId)
{
    public string Id => Definition.Id!;

    public string ObjectType => Definition.ObjectType ?? "Document";
}
