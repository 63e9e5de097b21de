namespace DataOps.Domain.Quality;

/// <summary>The schema findings for one record.</summary>
/// <param name="Errors">Violations that make the record invalid (missing required field, wrong type, broken constraint).</param>
/// <param name="Warnings">Findings that do not (fields the schema does not define).</param>
public sealed record RecordValidationResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether the record conforms to the schema.</summary>
    public bool IsValid => Errors.Count == 0;
}
