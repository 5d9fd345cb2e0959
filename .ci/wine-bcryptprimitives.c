/* Test-only stand-in for bcryptprimitives.dll, which Windows 10 and later have and wine 8.0 lacks.
   Go's Windows runtime draws its random numbers from ProcessPrng there and stops without it. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
