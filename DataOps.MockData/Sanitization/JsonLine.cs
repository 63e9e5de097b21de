namespace DataOps.MockData.Sanitization;

/// <summary>One line of a JSON-lines document: a record, or why it is not one.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Record">The record, when the line parsed.</param>
/// <param name="Error">Why the line was refused (never echoes its content, which may hold personal data).</param>
internal sealed record JsonLine(int Number, IReadOnlyDictionary<string, object?>? Record, string? Error);
