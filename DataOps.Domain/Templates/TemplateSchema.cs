namespace DataOps.Domain.Templates;

/// <summary>The schema records of a template must conform to.</summary>
/// <param name="Fields">Field definitions, names unique (ordinal).</param>
/// <param name="Relationships">References between fields; may be empty.</param>
public sealed record TemplateSchema(IReadOnlyList<FieldDefinition> Fields, IReadOnlyList<SchemaRelationship> Relationships)
{
    /// <summary>Looks a field up by name (ordinal).</summary>
    public FieldDefinition? Find(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
