namespace DataOps.GleanEmulator.Validation;

/// <summary>Glean's rule for object type names: non-empty, no spaces, no underscores.</summary>
internal static class ObjectTypeRules
{
    public static bool IsValid(string? objectType) =>
        !string.IsNullOrEmpty(objectType) && !objectType.Any(c => c == '_' || char.IsWhiteSpace(c));
}
