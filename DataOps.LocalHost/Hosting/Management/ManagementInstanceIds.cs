namespace DataOps.LocalHost.Hosting.Management;

/// <summary>
/// Which instance ids the management API accepts: they become table keys, blob names and log scopes, so they are kept
/// to letters, digits and <c>- _ : . @</c>, at most 100 characters. Every id the app itself creates is of that form.
/// </summary>
internal static class ManagementInstanceIds
{
    public const int MaxLength = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first rule the id breaks.</summary>
    public static void Validate(string? instanceId)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new ArgumentException("The instance id must not be empty.", nameof(instanceId));
        }

        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"The instance id is {instanceId.Length} characters long; at most {MaxLength} are allowed.", nameof(instanceId));
        }

        foreach (var c in instanceId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@'))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException(
                    $"The instance id contains the illegal character {shown}; only letters, digits and - _ : . @ are allowed.", nameof(instanceId));
            }
        }
    }
}
