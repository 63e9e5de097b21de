namespace DataOps.Domain.Templates;

/// <summary>A reference from a field of this template's records to a field of the same or another dataset type (e.g. a Jira issue's <c>epic_key</c> to another issue's <c>key</c>).</summary>
/// <param name="Field">The referencing field.</param>
/// <param name="TargetDatasetType">Wire name of the dataset type referred to.</param>
/// <param name="TargetField">The referenced field.</param>
public sealed record SchemaRelationship(string Field, string TargetDatasetType, string TargetField);
