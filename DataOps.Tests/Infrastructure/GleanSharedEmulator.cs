namespace DataOps.Tests.Infrastructure;

/// <summary>
/// One emulator for a whole test class (xunit class fixture); tests of a class run one at a time, and each
/// starts from <see cref="ResetAsync"/> (no datasource, no fault, empty log, full rate-limit buckets).
/// </summary>
public sealed class GleanSharedEmulator : IAsyncLifetime
{
    private GleanEmulatorFixture? _emulator;

    public GleanEmulatorFixture Emulator => _emulator ?? throw new InvalidOperationException("the shared emulator has not started");

    public async ValueTask InitializeAsync() => _emulator = await GleanEmulatorFixture.StartAsync();

    public async Task<GleanEmulatorFixture> ResetAsync()
    {
        await Emulator.ResetAsync();
        return Emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
