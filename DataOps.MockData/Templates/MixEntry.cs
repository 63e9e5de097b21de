namespace DataOps.MockData.Templates;

/// <summary>One value of a <see cref="ContentMix"/> and its weight.</summary>
/// <param name="Value">The field value.</param>
/// <param name="Weight">A positive weight.</param>
public sealed record MixEntry(string Value, double Weight);
