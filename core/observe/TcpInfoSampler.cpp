#include "core/observe/TcpInfoSampler.h"
