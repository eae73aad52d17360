// The whole public API of aidstat in one include.
#pragma once

#include "aidstat/amount_text.hpp"
#include "aidstat/dataset.hpp"
#include "aidstat/date.hpp"
#include "aidstat/entities.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/error.hpp"
#include "aidstat/interval.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/money.hpp"
#include "aidstat/query.hpp"
#include "aidstat/taxonomy.hpp"
#include "aidstat/text_width.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_output.hpp"
#include "aidstat/version.hpp"
