using System.Security.Cryptography;
using DataOps.Testing;

namespace DataOps.Tests.Infrastructure;

/// <summary>
/// Assembly fixture: one private Azurite for the whole test run. Tests take it through their constructor and
/// isolate themselves with <see cref="UniqueName"/> container, queue and table names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>Full connection string (well-known dev account and key, the three private endpoints).</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>Blob service endpoint.</summary>
    public Uri BlobEndpoint => Azurite.BlobEndpoint;

    /// <summary>Queue service endpoint.</summary>
    public Uri QueueEndpoint => Azurite.QueueEndpoint;

    /// <summary>Table service endpoint.</summary>
    public Uri TableEndpoint => Azurite.TableEndpoint;

    /// <summary>The running emulator process.</summary>
    internal AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not been started.");

    /// <summary>
    /// A name unique to this run that is valid everywhere: lower-case letters and digits only, starts with a
    /// letter, 3-63 characters, so it serves as a container, queue or table name.
    /// </summary>
    public static string UniqueName(string prefix = "t")
    {
        var clean = new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        if (clean.Length > 40)
        {
            clean = clean[..40];
        }

        return clean + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
