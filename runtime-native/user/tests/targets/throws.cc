// throws.cc: probed calls unwound by C++ exceptions. dive() recurses DEPTH frames, each with a
// destructor to run; for every third i the deepest frame throws through all of them, caught in
// a probed frame (outer) or in the loop. Prints how many probed calls were entered and really
// returned. Usage: throws ROUNDS [THREADS]: each thread runs the rounds, all throwing at once.
#include <cstdio>
#include <cstdlib>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

static const long DEPTH = 4;
static std::atomic<long> entered, returned, cleaned, sum;

struct Guard {
	~Guard() { cleaned++; }   // a cleanup landing pad in every frame: _Unwind_Resume too
};

// extern "C": probed by their plain names, as the C targets are
extern "C" __attribute__((noinline)) long dive(long depth, long i)
{
	Guard g;
	entered++;
	if (depth == 0 && i % 3 == 0) throw std::runtime_error("deep");
	long r = depth ? dive(depth - 1, i) + 1 : i;
	returned++;
	return r;
}

// A probed frame that catches: it still returns normally afterwards.
extern "C" __attribute__((noinline)) long outer(long i)
{
	long r;
	entered++;
	try {
		r = dive(DEPTH, i);
	} catch (const std::exception &) {
		r = -1;
	}
	returned++;
	return r;
}

static void rounds(long n)
{
	for (long i = 0; i < n; i++) {
		sum += outer(i);
		try {
			sum += dive(DEPTH, i);
		} catch (...) {
			sum -= 1;
		}
	}
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100, threads = argc > 2 ? atol(argv[2]) : 1;
	std::vector<std::thread> others;
	for (long t = 1; t < threads; t++) others.emplace_back(rounds, n);
	rounds(n);
	for (auto &t : others) t.join();
	std::printf("entered=%ld returned=%ld cleaned=%ld sum=%ld\n", entered.load(), returned.load(), cleaned.load(),
		    sum.load());
	return 0;
}
